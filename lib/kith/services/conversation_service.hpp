// Recording what was said: logging a conversation with one or more people (and the
// playbook follow-ups it calls for), correcting or deleting it, and a person's timeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/conversation.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/follow_up_view.hpp"
#include "kith/domain/moment.hpp"
#include "kith/domain/settings.hpp"
#include "kith/services/follow_up_service.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// What `log` does about follow-ups: follow the playbook, make none, or make one on a day.
struct FollowUpChoice {
  enum class Mode { playbook, none, on } mode = Mode::playbook;
  date::year_month_day on{};
};

struct LogRequest {
  std::vector<std::string> refs;
  std::string event;          // an event reference, or empty
  Conversation conversation;  // on, channel, direction, summary, note
  // False when the day was not given: conversation.on is today, and moves to the event's
  // day when the conversation is at an event that has passed.
  bool dated = true;
  FollowUpChoice follow_up;
  bool close_due = false;  // --done: close each person's follow-ups due by today
};

struct LogResult {
  Conversation conversation;
  std::vector<ContactName> contacts;
  std::vector<FollowUpView> follow_ups;  // created by this log
  std::vector<DoneResult> closed;        // closed by this log (close_due)
  std::vector<FollowUpView> still_due;   // open and due by today, left open (no close_due)
};

// A correction to a conversation: each set member replaces a field.
struct ConversationChanges {
  std::optional<date::year_month_day> on;
  std::optional<Channel> channel;
  std::optional<Direction> direction;
  std::optional<std::string> summary;
  std::optional<std::string> note;
};

// One dated line of a person's timeline.
struct TimelineEntry {
  enum class Kind { added, met, conversation, follow_up };
  Kind kind = Kind::added;
  date::year_month_day on;
  std::optional<Conversation> conversation;
  std::optional<FollowUp> follow_up;
  std::vector<ContactName> others;  // other people in the conversation
  std::string event_name;           // the event met at, or the conversation's event
};

struct Timeline {
  Contact contact;
  std::vector<TimelineEntry> entries;  // oldest first
};

class ConversationService {
 public:
  ConversationService(Journal& journal, Moment moment, Settings settings)
      : m_journal(journal), m_moment(std::move(moment)), m_settings(std::move(settings)) {}

  LogResult log(const LogRequest& request);
  // The conversation with the people in it.
  std::pair<Conversation, std::vector<ContactName>> get(std::int64_t id);
  Conversation edit(std::int64_t id, const ConversationChanges& changes);
  Conversation remove(std::int64_t id);
  Timeline timeline(std::string_view ref);

 private:
  Conversation load(std::int64_t id);
  void settle_due(const LogRequest& request, const ContactName& contact, LogResult& result);

  Journal& m_journal;
  Moment m_moment;
  Settings m_settings;
};

}  // namespace kith
