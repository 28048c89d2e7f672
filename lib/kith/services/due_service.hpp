// What is due: the morning list. Open follow-ups that are overdue or due today, contacts whose
// keep-in-touch cadence has come due, and, within a window, what is coming. Never writes.
#pragma once

#include <optional>
#include <variant>
#include <vector>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/journal.hpp"

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

// One line of the morning list: a sum, so each kind carries only what it has and a renderer
// that forgets a kind does not compile.
struct DueItem {
  date::year_month_day due_on;  // for a snoozed cadence, the day it shows again
  // On the same day, follow-ups come first, then cadences, then events.
  std::variant<DueFollowUp, DueCadence, DueEvent> what;
};

struct DueReport {
  date::year_month_day today;
  std::optional<date::year_month_day> until;  // the end of the --within window
  std::vector<DueItem> overdue;               // most overdue first
  std::vector<DueItem> today_items;
  std::vector<DueItem> upcoming;  // soonest first
  bool empty() const { return overdue.empty() && today_items.empty() && upcoming.empty(); }
};

class DueService {
 public:
  DueService(Journal& journal, Settings settings)
      : m_journal(journal), m_settings(std::move(settings)) {}

  // What is due on `today`, and with `within`, what comes due in that window after it.
  DueReport compute(date::year_month_day today, std::optional<Interval> within);

 private:
  Journal& m_journal;
  Settings m_settings;
};

}  // namespace kith
