// The JSON of --json output (documented in docs/json.md): stable snake_case keys, ISO dates,
// null for unknown values. Each group's view builds its documents from these pieces; this
// file holds only the type, the writer and the pieces every view shares.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kith/domain/when.hpp"

namespace kith::render {

using Json = nlohmann::ordered_json;

// The text, or null when it is empty.
Json text_or_null(const std::string& text);
// YYYY-MM-DD, or null.
Json day_or_null(const std::optional<date::year_month_day>& day);
// An interval as written on the command line ("30d"), or null.
Json interval_or_null(const std::optional<Interval>& interval);
// HH:MM, or null.
Json time_or_null(const std::optional<std::chrono::minutes>& time);

// An array of each item's JSON: json_array(contacts, to_json).
template <class T>
Json json_array(const std::vector<T>& items, Json (*item_json)(const T&)) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(item_json(item));
  return out;
}

// Writes one JSON document, indented, with invalid UTF-8 replaced rather than fatal.
void print_json(std::ostream& out, const Json& json);

}  // namespace kith::render
