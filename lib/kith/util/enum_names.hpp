// Every enumeration that a person types or reads, or a file stores, has one table of its names,
// and these helpers serve it three ways: the name of a value, the value of a name (for parsers
// and the journal), and the list of names (for CLI11's IsMember). Writing the strings once
// keeps the formatter, the parser and the command line from drifting apart.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

// Each value with its name, in the order the names are listed to a person.
template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; the first name for a value the table does not hold.
template <typename E, std::size_t N>
constexpr std::string_view to_text(const EnumNames<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table.front().second;
}

// The value named `text` exactly; nullopt when no value is.
template <typename E, std::size_t N>
constexpr std::optional<E> parse_enum(const EnumNames<E, N>& table, std::string_view text) {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

// Every value, in the table's order.
template <typename E, std::size_t N>
constexpr std::array<E, N> enum_values(const EnumNames<E, N>& table) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].first;
  return out;
}

// Every name, in the table's order: what CLI::IsMember takes.
template <typename E, std::size_t N>
std::vector<std::string> enum_names(const EnumNames<E, N>& table) {
  std::vector<std::string> out(N);
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].second;
  return out;
}

}  // namespace kith
