// Promises to get back to people: add, complete (creating the next of a recurring one),
// snooze, edit, cancel and list. Nothing is deleted: closed follow-ups stay as history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/follow_up.hpp"
#include "kith/domain/follow_up_view.hpp"
#include "kith/domain/moment.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

struct DoneResult {
  FollowUpView done;
  std::optional<FollowUpView> next;  // the next occurrence of a recurring follow-up
};

class FollowUpService {
 public:
  FollowUpService(Journal& journal, Moment moment)
      : m_journal(journal), m_moment(std::move(moment)) {}

  // Adds a follow-up; `event`, when not empty, names the event it follows up on.
  FollowUpView add(std::string_view ref, date::year_month_day due_on, const std::string& note,
                   std::optional<Interval> every, const std::string& event = {});
  DoneResult done(std::int64_t id);
  // Moves an open follow-up later than it is due (an earlier day is refused: see edit).
  FollowUpView snooze(std::int64_t id, date::year_month_day until);
  // Changes an open follow-up's due day (earlier or later) or note, when given.
  FollowUpView edit(std::int64_t id, std::optional<date::year_month_day> due_on,
                    const std::optional<std::string>& note);
  FollowUpView cancel(std::int64_t id);
  // Open follow-ups (all of them with include_closed), optionally of one contact.
  std::vector<FollowUpView> list(const std::optional<std::string>& contact_ref,
                                 bool include_closed);

 private:
  FollowUpView load_open(std::int64_t id, std::string_view verb);

  Journal& m_journal;
  Moment m_moment;
};

}  // namespace kith
