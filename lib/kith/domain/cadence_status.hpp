// How a contact stands against their keep-in-touch cadence: which cadence applies and when the
// next conversation is (or was) due, so `due`, `stale` and `report` agree on it.
#pragma once

#include <date/date.h>

#include "kith/domain/when.hpp"

namespace kith {

struct CadenceStatus {
  Interval every;                 // the cadence that applies (own or tier)
  date::year_month_day due_on;    // when the next conversation is or was due
  date::year_month_day shows_on;  // due_on, or the end of a snooze when later
  bool past(date::year_month_day today) const { return shows_on < today; }
};

}  // namespace kith
