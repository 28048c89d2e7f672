// Small helpers for the storage classes: NULL for unknown text, dates as 'YYYY-MM-DD'.
#pragma once

#include <SQLiteCpp/Statement.h>
#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/when.hpp"

namespace kith::sql {

// Binds the text, or NULL when it is empty.
inline void bind_text(SQLite::Statement& stmt, int index, const std::string& text) {
  if (text.empty()) {
    stmt.bind(index);
  } else {
    stmt.bind(index, text);
  }
}

inline void bind_date(SQLite::Statement& stmt, int index, date::year_month_day day) {
  stmt.bind(index, format_date(day));
}

inline void bind_date(SQLite::Statement& stmt, int index,
                      const std::optional<date::year_month_day>& day) {
  if (day) {
    stmt.bind(index, format_date(*day));
  } else {
    stmt.bind(index);
  }
}

inline void bind_id(SQLite::Statement& stmt, int index, const std::optional<std::int64_t>& id) {
  if (id) {
    stmt.bind(index, *id);
  } else {
    stmt.bind(index);
  }
}

inline std::optional<std::int64_t> optional_id(SQLite::Statement& stmt, int index) {
  auto column = stmt.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

// A JSON array of ids, to bind as one parameter and read with json_each().
inline std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

// The first column of the first row as an id, or nullopt when there is no row.
inline std::optional<std::int64_t> single_id(SQLite::Statement& stmt) {
  if (!stmt.executeStep()) return std::nullopt;
  return stmt.getColumn(0).getInt64();
}

// Rows of (id, name) as `Name` records, for reference candidates.
template <typename Name>
std::vector<Name> read_names(SQLite::Statement& stmt) {
  std::vector<Name> out;
  while (stmt.executeStep()) {
    out.push_back({stmt.getColumn(0).getInt64(), stmt.getColumn(1).getString()});
  }
  return out;
}

// The values of a group_concat(..., char(31)) column, in order; none for NULL or "".
inline std::vector<std::string> split_list(const std::string& joined) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < joined.size();) {
    auto end = joined.find('\x1f', start);
    if (end == std::string::npos) end = joined.size();
    out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The column's text, or "" for NULL.
inline std::string text(SQLite::Statement& stmt, int index) {
  auto column = stmt.getColumn(index);
  return column.isNull() ? std::string() : column.getString();
}

inline std::optional<date::year_month_day> optional_date(SQLite::Statement& stmt, int index) {
  auto column = stmt.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return parse_iso_date(column.getString());
}

inline date::year_month_day day(SQLite::Statement& stmt, int index) {
  return optional_date(stmt, index).value_or(date::year_month_day{});
}

inline std::optional<Interval> optional_interval(SQLite::Statement& stmt, int index) {
  auto column = stmt.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return parse_interval(column.getString());
}

}  // namespace kith::sql
