// Reads and writes events, their tags, and the people met at each.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/event_name.hpp"
#include "kith/domain/event_period.hpp"
#include "kith/domain/event_summary.hpp"
#include "kith/storage/journal.hpp"

namespace SQLite {
class Statement;
}

namespace kith {

class EventStore {
 public:
  explicit EventStore(Journal& journal) : m_journal(journal) {}

  // Inserts the event with its tags (assigning uid when empty) and returns its id.
  std::int64_t insert(const Event& event);
  void update(const Event& event);
  void remove(std::int64_t id);
  std::optional<Event> get(std::int64_t id);
  // By kith's uid or the UID of the calendar it came from.
  std::optional<std::int64_t> find_by_uid(const std::string& uid);
  std::optional<std::int64_t> find_by_ics_uid(const std::string& ics_uid);
  // The events imported from the occurrences of one repeating event ("UID#"), oldest first.
  std::vector<std::int64_t> ids_with_ics_uid_prefix(const std::string& prefix);
  // An event with this name (folded) starting on this day.
  std::optional<std::int64_t> find_same(const std::string& name, date::year_month_day starts_on);
  std::vector<EventName> names_equal(const std::string& key, int limit);
  std::vector<EventName> names_containing(const std::string& key, int limit);
  // Names with a word that starts with `key`; both are reference keys (punctuation ignored).
  std::vector<EventName> names_with_word_starting(const std::string& key, int limit);

  // Events starting on or after `today` (upcoming first), before it (latest first), or all.
  std::vector<EventSummary> list(EventPeriod period, date::year_month_day today);
  // Planned events starting between `from` and `to`, inclusive, soonest first.
  std::vector<Event> planned_between(date::year_month_day from, date::year_month_day to);

  // Records that `contact_id` was met at the event; false when it was already recorded.
  bool link_contact(std::int64_t event_id, std::int64_t contact_id);
  std::vector<ContactName> people_met(std::int64_t event_id);
  // Forgets everyone met at the event (before recording the complete list again).
  void unlink_all(std::int64_t event_id);
  // The events where a contact was met, earliest first.
  std::vector<Event> events_for_contact(std::int64_t contact_id);

  // The people met at an event, for an export: uids sorted, names in the same order.
  struct People {
    std::vector<std::string> uids;
    std::vector<std::string> names;
  };
  // Every event with its tags, oldest first.
  void for_each(const std::function<void(const Event&, const People&)>& fn);

 private:
  void write_tags(const Event& event);
  void load_tags(Event& event);
  std::vector<Event> read_all(SQLite::Statement& stmt);

  Journal& m_journal;
};

}  // namespace kith
