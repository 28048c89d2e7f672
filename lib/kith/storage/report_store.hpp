// The queries of `kith report`, each one an index range over a span of days: conversations
// by happened_on, contacts by added_on, follow-ups by closed_on, open follow-ups by due_on and
// events by starts_on. Never writes.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/activity.hpp"
#include "kith/domain/new_contact.hpp"
#include "kith/domain/report_follow_up.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class ReportStore {
 public:
  explicit ReportStore(Journal& journal) : m_journal(journal) {}

  // Contacts added and conversations held from `from` to `to`, both days included.
  Activity activity(date::year_month_day from, date::year_month_day to);
  // How many different people those conversations were with.
  int people_spoken_to(date::year_month_day from, date::year_month_day to);
  // The contacts added in the span, in the order added.
  std::vector<NewContact> new_contacts(date::year_month_day from, date::year_month_day to);
  // Follow-ups done in the span, in the order closed.
  std::vector<ReportFollowUp> done(date::year_month_day from, date::year_month_day to);
  // Open follow-ups of active contacts due before `today`, most overdue first.
  std::vector<ReportFollowUp> overdue(date::year_month_day today);
  // The events attended in the span, in date order.
  std::vector<std::int64_t> attended(date::year_month_day from, date::year_month_day to);

 private:
  Journal& m_journal;
};

}  // namespace kith
