// What the keep-in-touch rule needs to know about a contact: their own cadence, the tags that
// may place them in a tier, a snooze, and the days they were added and last spoken to.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/when.hpp"

namespace kith {

struct CadenceCandidate {
  ContactName contact;
  std::optional<Interval> cadence;
  std::vector<std::string> tags;
  std::optional<date::year_month_day> snoozed_until;
  std::optional<date::year_month_day> last_contacted;
  date::year_month_day added_on;
  std::optional<date::year_month_day> cadence_since;  // Contact::cadence_since
};

}  // namespace kith
