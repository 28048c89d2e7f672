// The networking playbook: after meeting someone in person, follow up within two days;
// after an (informational) interview, send a thank-you the next day.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>

#include "kith/domain/conversation.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/settings.hpp"

namespace kith {

// What the playbook asks for after a conversation.
struct PlaybookStep {
  date::year_month_day due_on;
  FollowUpOrigin origin = FollowUpOrigin::after_meeting;
  std::string note;
};

// The follow-up the playbook creates after a conversation on `on` through `channel`, where
// `first` says whether it is the first in-person one with that person; nullopt for none.
std::optional<PlaybookStep> playbook_step(Channel channel, date::year_month_day on, bool first,
                                          const Settings& settings);

// Moves a Saturday or Sunday to the following Monday.
date::year_month_day next_working_day(date::year_month_day day);

}  // namespace kith
