#include "kith/formats/csv_date.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"

namespace kith {

namespace {

constexpr std::array<std::string_view, 12> k_months = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// The number written by 1 to `max_digits` digits, or -1.
int number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return -1;
  int n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

bool is_birthday(std::string_view text) {
  if (text.size() == 7 && text.starts_with("--") && text[4] == '-') {
    const int month = number(text.substr(2, 2), 2);
    const int day = number(text.substr(5, 2), 2);
    // 2000 is a leap year, so --02-29 is a birthday.
    return month > 0 && day > 0 &&
           (date::year{2000} / date::month{static_cast<unsigned>(month)} /
            date::day{static_cast<unsigned>(day)})
               .ok();
  }
  return parse_iso_date(text).has_value();
}

std::optional<date::year_month_day> any_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = number(text.substr(0, 4), 4);
  const int month = number(text.substr(5, 2), 2);
  const int day = number(text.substr(8, 2), 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  const date::year_month_day d = date::year{year} / date::month{static_cast<unsigned>(month)} /
                                 date::day{static_cast<unsigned>(day)};
  return d.ok() ? std::optional(d) : std::nullopt;
}

bool kept_year(const date::year_month_day& day) {
  return day.year() >= date::year{1900} && day.year() <= date::year{9999};
}

std::optional<date::year_month_day> parse_connected_on(std::string_view text) {
  if (auto iso = any_iso_date(text)) return iso;
  const char separator = text.find('-') == std::string_view::npos ? ' ' : '-';
  const std::size_t first = text.find(separator);
  const std::size_t second = text.find(separator, first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
  const int day = number(text.substr(0, first), 2);
  const std::string month_name = ascii_lower(text.substr(first + 1, second - first - 1));
  const std::string_view year_text = text.substr(second + 1);
  const int digits = number(year_text, 4);
  const int year = year_text.size() == 2 && digits >= 0 ? 2000 + digits : digits;
  const auto month = std::find_if(k_months.begin(), k_months.end(), [&](std::string_view name) {
    return month_name.size() >= 3 && name.starts_with(month_name);
  });
  if (day < 1 || year < 0 || month == k_months.end()) return std::nullopt;
  const date::year_month_day d = date::year{year} /
                                 date::month{static_cast<unsigned>(month - k_months.begin() + 1)} /
                                 date::day{static_cast<unsigned>(day)};
  return d.ok() ? std::optional(d) : std::nullopt;
}

}  // namespace kith
