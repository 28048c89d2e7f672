// kith's JSON Lines format: one record per line. Scripts use it for bulk entry (a line per
// contact, conversation, follow-up or event, naming people by uid, email or name), and an
// export holds a whole journal in it, with uids and timestamps, to move or sync it.
// docs/jsonl.md is the reference.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kith/domain/contact.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/tombstone.hpp"

namespace kith {

// A line naming a contact. A record with updated_at is a journal's copy (from an export), and
// the newer copy wins; without it, the record is new data from a script.
struct JsonlContact {
  Contact contact;
  std::string introduced_by;  // a reference to the introducer
  bool has_updated_at = false;
  bool has_added_on = false;
};

struct JsonlConversation {
  Conversation conversation;
  std::vector<std::string> with;  // references to the people in it
  std::string event_ref;          // a reference to the event, or empty
  bool has_updated_at = false;
};

struct JsonlFollowUp {
  FollowUp follow_up;
  std::string contact_ref;  // a reference to its person
  std::string event_ref;    // a reference to the event, or empty
  bool has_updated_at = false;
};

struct JsonlEvent {
  Event event;
  std::vector<std::string> people;  // references to the people met there
  bool has_updated_at = false;
};

// One line of the file: a record of one of five kinds, "deleted" being a tombstone.
using JsonlRecord =
    std::variant<JsonlContact, JsonlConversation, JsonlFollowUp, JsonlEvent, Tombstone>;

// Parses one line. Throws invalid_data naming the key at fault: an unknown type or key, a
// value of the wrong type, a bad date, channel or status.
JsonlRecord parse_jsonl_record(std::string_view line);

// One line (without the newline) per record, keys in a fixed order and empty values left
// out, so the same journal always exports the same bytes.
std::string to_jsonl(const Contact& contact, const std::string& introducer_uid);
std::string to_jsonl(const Conversation& conversation, const std::vector<std::string>& people,
                     const std::string& event_uid);
std::string to_jsonl(const FollowUp& follow_up, const std::string& contact_uid,
                     const std::string& event_uid);
std::string to_jsonl(const Event& event, const std::vector<std::string>& people);
std::string to_jsonl(const Tombstone& tombstone);

}  // namespace kith
