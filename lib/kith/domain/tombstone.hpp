// What is left of a deleted record: its uid, its kind and when it was deleted. Tombstones
// travel in exports, so importing one on another machine deletes the same record there.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kith/util/enum_names.hpp"

namespace kith {

enum class RecordKind { contact, conversation, follow_up, event };

// The names exports and tombstones use.
inline constexpr EnumNames<RecordKind, 4> k_record_kind_names{{
    {RecordKind::contact, "contact"},
    {RecordKind::conversation, "conversation"},
    {RecordKind::follow_up, "follow_up"},
    {RecordKind::event, "event"},
}};

inline std::string_view to_string(RecordKind kind) { return to_text(k_record_kind_names, kind); }
inline std::optional<RecordKind> parse_record_kind(std::string_view text) {
  return parse_enum(k_record_kind_names, text);
}

struct Tombstone {
  RecordKind kind = RecordKind::contact;
  std::string uid;
  std::string deleted_at;  // UTC 'YYYY-MM-DDTHH:MM:SSZ'
};

}  // namespace kith
