// The networking defaults kith encodes, all of them adjustable: keep-in-touch tiers by tag
// and the playbook's follow-up delays (career-centre advice: follow up within 24-48 hours).
#pragma once

#include <date/date.h>

#include <map>
#include <string>

#include "kith/domain/when.hpp"

namespace kith {

struct Settings {
  // A contact tagged with a tier's name is due for a conversation this often.
  std::map<std::string, Interval> cadence_tiers = {
      {"a", {30, Interval::Unit::day}},
      {"b", {90, Interval::Unit::day}},
      {"c", {180, Interval::Unit::day}},
      {"d", {365, Interval::Unit::day}},
  };
  // Days after a first in-person meeting until its follow-up is due.
  int follow_up_after_meeting_days = 2;
  // Days after an event until the follow-ups with the people met there are due (a working
  // day; they are late after the 48 hours career centres advise).
  int follow_up_after_event_days = 1;
  // Days after an (informational) interview until the thank-you is due.
  int thank_you_days = 1;
  // Playbook follow-ups that fall on a Saturday or Sunday move to the Monday.
  bool skip_weekends = true;
  // The day a week starts, for weekly goals and reports.
  date::weekday week_start = date::Monday;
  // Weekly goals, each a count per week: "new_contacts", "conversations", or a channel name
  // ("coffee") for conversations of that kind. None by default.
  std::map<std::string, int> weekly_goals;
  // A repeating calendar event is imported as one event per occurrence from this long before
  // today to this long after it.
  Interval recurrence_past = {90, Interval::Unit::day};
  Interval recurrence_future = {365, Interval::Unit::day};
};

}  // namespace kith
