#include "kith/domain/tombstone.hpp"

#include <array>
#include <utility>

namespace kith {

namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 4> k_kinds = {{
    {RecordKind::contact, "contact"},
    {RecordKind::conversation, "conversation"},
    {RecordKind::follow_up, "follow_up"},
    {RecordKind::event, "event"},
}};

}  // namespace

std::string_view to_string(RecordKind kind) {
  for (const auto& [k, name] : k_kinds) {
    if (k == kind) return name;
  }
  return "contact";
}

std::optional<RecordKind> parse_record_kind(std::string_view text) {
  for (const auto& [k, name] : k_kinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

}  // namespace kith
