// What is due: the morning list. Open follow-ups that are overdue or due today, contacts whose
// keep-in-touch cadence has come due, and, within a window, what is coming. Never writes.
#pragma once

#include <optional>
#include <vector>

#include "kith/domain/due_item.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

struct DueReport {
  date::year_month_day today;
  std::optional<date::year_month_day> until;  // the end of the --within window
  std::vector<DueItem> overdue;               // most overdue first
  std::vector<DueItem> today_items;
  std::vector<DueItem> upcoming;  // soonest first
  // Planned events that ended in the last week without being marked attended or skipped:
  // `due` asks about them until they are.
  std::vector<Event> unmarked;
  bool empty() const {
    return overdue.empty() && today_items.empty() && upcoming.empty() && unmarked.empty();
  }
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
