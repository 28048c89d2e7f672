// The library never reads the clock: the app decides "now" once per command and passes it
// down, so every rule that depends on the date can be tested with a pinned day.
#pragma once

#include <date/date.h>

#include <string>

namespace kith {

struct Moment {
  date::year_month_day today;  // the user's local date (or the pinned --today)
  std::string now_utc;         // the instant, as 'YYYY-MM-DDTHH:MM:SSZ', for created/updated
};

}  // namespace kith
