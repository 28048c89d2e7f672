// Reads and writes follow-ups.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/follow_up.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// Which follow-ups `follow-up list` shows.
struct FollowUpFilter {
  std::optional<std::int64_t> contact_id;
  bool include_closed = false;
  std::optional<date::year_month_day> due_by;  // only those due on or before this day
  bool active_contacts_only = false;           // leave out archived contacts' follow-ups
};

class FollowUpStore {
 public:
  explicit FollowUpStore(Journal& journal) : m_journal(journal) {}

  // Inserts the follow-up (assigning uid when empty) and returns its id.
  std::int64_t insert(const FollowUp& follow_up);
  void update(const FollowUp& follow_up);
  void remove(std::int64_t id);
  std::optional<FollowUp> get(std::int64_t id);
  std::optional<std::int64_t> find_by_uid(const std::string& uid);
  // An open follow-up for the same person, due the same day, with the same note.
  std::optional<std::int64_t> find_same(const FollowUp& follow_up);
  // A follow-up (open or closed) for the person after the event: one meeting, one follow-up.
  std::optional<std::int64_t> find_for_event(std::int64_t contact_id, std::int64_t event_id);

  // What an export needs besides the follow-up: its person and event.
  struct Links {
    std::string contact_uid;
    std::string contact_name;
    std::string event_uid;
    std::string event_name;
  };
  // Every follow-up (only open ones when `open_only`), oldest first.
  void for_each(bool open_only, const std::function<void(const FollowUp&, const Links&)>& fn);
  // Matching follow-ups, open ones by due date first, then closed ones.
  std::vector<FollowUp> list(const FollowUpFilter& filter);

 private:
  Journal& m_journal;
};

}  // namespace kith
