// One line of the morning list: a follow-up that is due, a contact whose keep-in-touch cadence
// has come due, or a planned event. A sum, so each kind carries only what it has and a
// renderer that forgets a kind does not compile.
#pragma once

#include <date/date.h>

#include <optional>
#include <variant>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/when.hpp"

namespace kith {

// A follow-up that is due.
struct DueFollowUp {
  ContactName contact;
  FollowUp follow_up;
  std::optional<Conversation> last_conversation;  // the context to remember
};

// A contact whose keep-in-touch cadence has come due.
struct DueCadence {
  ContactName contact;
  Interval cadence;
  std::optional<date::year_month_day> last_contacted;
  std::optional<Conversation> last_conversation;  // the context to remember
};

// A planned event within the window.
struct DueEvent {
  Event event;
};

struct DueItem {
  date::year_month_day due_on;  // for a snoozed cadence, the day it shows again
  // On the same day, follow-ups come first, then cadences, then events.
  std::variant<DueFollowUp, DueCadence, DueEvent> what;
};

}  // namespace kith
