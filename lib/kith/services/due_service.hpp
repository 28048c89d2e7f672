// What is due: the morning list. Open follow-ups that are overdue or due today, contacts whose
// keep-in-touch cadence has come due, and, within a window, what is coming. Never writes.
#pragma once

#include <optional>
#include <vector>

#include "kith/domain/conversation.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/settings.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

struct DueItem {
  enum class Kind { follow_up, cadence, event };
  Kind kind = Kind::follow_up;
  date::year_month_day due_on;  // for a snoozed cadence, the day it shows again
  ContactName contact;
  std::optional<FollowUp> follow_up;                   // kind follow_up
  std::optional<Interval> cadence;                     // kind cadence
  std::optional<date::year_month_day> last_contacted;  // kind cadence
  std::optional<Conversation> last_conversation;       // the context to remember
  std::optional<Event> event;                          // kind event: a planned event
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
