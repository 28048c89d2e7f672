// What is left of a deleted record: its uid, its kind and when it was deleted. Tombstones
// travel in exports, so importing one on another machine deletes the same record there.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kith {

enum class RecordKind { contact, conversation, follow_up, event };

// "contact", "conversation", "follow_up", "event".
std::string_view to_string(RecordKind kind);
std::optional<RecordKind> parse_record_kind(std::string_view text);

struct Tombstone {
  RecordKind kind = RecordKind::contact;
  std::string uid;
  std::string deleted_at;  // UTC 'YYYY-MM-DDTHH:MM:SSZ'
};

}  // namespace kith
