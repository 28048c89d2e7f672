// The queries of `kith report`, each one an index range over a span of days: conversations
// by happened_on, contacts by added_on, follow-ups by closed_on, open follow-ups by due_on and
// events by starts_on. Never writes.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/conversation.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// What happened in a span of days: the numbers weekly goals are measured by.
struct Activity {
  int new_contacts = 0;
  int conversations = 0;
  std::map<Channel, int> by_channel;  // only channels that were used
  // The count a goal ("new_contacts", "conversations" or a channel name) is measured by.
  int count(const std::string& goal) const;
};

struct NewContact {
  ContactName contact;
  date::year_month_day added_on;
};

// A follow-up as the report lists it: whom, what, when it was due and when it was closed.
struct ReportFollowUp {
  std::int64_t id = 0;
  ContactName contact;
  date::year_month_day due_on;
  std::optional<date::year_month_day> closed_on;
  std::string note;
  // Done on or before the day it was due.
  bool on_time() const { return closed_on && *closed_on <= due_on; }
};

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
