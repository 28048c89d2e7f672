// The columns of a search document, in the index's order: which part of a record the words
// matched, as search results report it.
#pragma once

#include <string_view>

#include "kith/util/enum_names.hpp"

namespace kith {

enum class SearchColumn { name = 0, company = 1, text = 2, tags = 3 };

inline constexpr EnumNames<SearchColumn, 4> k_search_column_names{{
    {SearchColumn::name, "name"},
    {SearchColumn::company, "company"},
    {SearchColumn::text, "text"},
    {SearchColumn::tags, "tags"},
}};

inline std::string_view to_string(SearchColumn column) {
  return to_text(k_search_column_names, column);
}

}  // namespace kith
