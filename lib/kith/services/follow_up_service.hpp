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
  // done and cancel as the user names them: follow-up ids ("14", "#14") or contacts whose only
  // open follow-up is meant ("ada"), all in one transaction, so one bad name changes nothing.
  std::vector<DoneResult> done(const std::vector<std::string>& targets);
  std::vector<FollowUpView> cancel(const std::vector<std::string>& targets);
  // Inside a write: marks the open follow-up `f` done today and, when it repeats, creates the
  // next one.
  DoneResult complete(FollowUp f);
  // Inside a transaction: the id of the contact's only open follow-up. Throws not_found when it
  // has none and ambiguous, listing them, when it has several.
  std::int64_t only_open(std::int64_t contact_id);
  // Open follow-ups (all of them with include_closed), optionally of one contact.
  std::vector<FollowUpView> list(const std::optional<std::string>& contact_ref,
                                 bool include_closed);

 private:
  FollowUpView load_open(std::int64_t id, std::string_view verb);
  std::vector<std::int64_t> resolve_targets(const std::vector<std::string>& targets);

  Journal& m_journal;
  Moment m_moment;
};

}  // namespace kith
