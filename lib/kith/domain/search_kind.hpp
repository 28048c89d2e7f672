// What a search document stands for: a contact, a conversation or an event. Search results,
// `--only` and the JSON output name it; the index derives a document's rowid from it.
#pragma once

#include <string_view>

#include "kith/util/enum_names.hpp"

namespace kith {

// A document's FTS rowid is id * 4 + kind.
enum class SearchKind { contact = 0, conversation = 1, event = 2 };

inline constexpr EnumNames<SearchKind, 3> k_search_kind_names{{
    {SearchKind::contact, "contact"},
    {SearchKind::conversation, "conversation"},
    {SearchKind::event, "event"},
}};

inline std::string_view to_string(SearchKind kind) { return to_text(k_search_kind_names, kind); }

}  // namespace kith
