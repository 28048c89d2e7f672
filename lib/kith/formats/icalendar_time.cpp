#include "kith/formats/icalendar_time.hpp"

#include <utility>

#include "kith/domain/text.hpp"
#include "kith/formats/parse_error.hpp"

namespace kith::formats {

namespace {

using std::chrono::seconds;

// The number in text[pos, pos + width), or -1 when any of it is not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t width) {
  int n = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

}  // namespace

IcsTime parse_ics_time(std::string_view name, std::string_view value,
                       const std::vector<ContentParam>& params, std::size_t line) {
  std::string_view text = trim(value);
  // Google writes a date with a Z in RDATE and EXDATE (RDATE:20131210Z): the Z means nothing.
  if ((name == "RDATE" || name == "EXDATE") && text.size() == 9 && text.back() == 'Z') {
    text.remove_suffix(1);
  }
  const auto bad = [&](std::string_view why) {
    throw ParseError(line, "bad " + std::string(name) + " " + quote_for_message(text) + " (" +
                               std::string(why) + ")");
  };
  const bool has_time = text.size() >= 15 && text[8] == 'T';
  const bool utc = text.size() == 16 && text[15] == 'Z';
  if (text.size() != 8 && !(has_time && (text.size() == 15 || utc))) {
    bad("expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  }
  const int y = digits_at(text, 0, 4);
  const int m = digits_at(text, 4, 2);
  const int d = digits_at(text, 6, 2);
  const int hh = has_time ? digits_at(text, 9, 2) : 0;
  const int mm = has_time ? digits_at(text, 11, 2) : 0;
  const int ss = has_time ? digits_at(text, 13, 2) : 0;
  if (y < 0 || m < 0 || d < 0 || hh < 0 || mm < 0 || ss < 0) {
    bad("expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  }
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) bad("no such date");
  if (hh > 23 || mm > 59 || ss > 59) bad("no such time");
  if (has_time && equals_nocase(param(params, "VALUE"), "DATE")) {
    bad("VALUE=DATE expects YYYYMMDD");
  }
  IcsTime time{day, std::nullopt, utc, ""};
  if (has_time) {
    time.time_of_day = seconds{hh * 3600 + mm * 60 + ss};
    if (!utc) time.tzid = param(params, "TZID");
  }
  return time;
}

std::optional<seconds> parse_ics_duration(std::string_view text) {
  constexpr std::string_view k_units = "WDHMS";  // W and D before the T, the rest after it
  constexpr long long k_unit_seconds[] = {604800, 86400, 3600, 60, 1};
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++i;
  if (i == text.size() || text[i] != 'P') return std::nullopt;
  ++i;
  long long total = 0;
  std::size_t next_unit = 0;
  bool after_t = false;
  bool any_unit = false;
  bool unit_after_t = false;
  while (i < text.size()) {
    if (text[i] == 'T' && !after_t) {
      after_t = true;
      next_unit = 2;
      ++i;
      continue;
    }
    long long n = 0;
    std::size_t width = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++width) {
      if (width == 9) return std::nullopt;
      n = n * 10 + (text[i] - '0');
    }
    if (width == 0 || i == text.size()) return std::nullopt;
    const std::size_t unit = k_units.find(text[i++]);
    if (unit == std::string_view::npos || unit < next_unit || (unit >= 2) != after_t) {
      return std::nullopt;
    }
    total += n * k_unit_seconds[unit];
    next_unit = unit + 1;
    any_unit = true;
    unit_after_t = after_t;
  }
  if (!any_unit || (after_t && !unit_after_t)) return std::nullopt;
  return seconds{negative ? -total : total};
}

bool ends_before_start(const IcsTime& start, const IcsTime& end) {
  if (start.utc != end.utc || start.tzid != end.tzid ||
      start.time_of_day.has_value() != end.time_of_day.has_value()) {
    return false;
  }
  const auto key = [](const IcsTime& t) {
    return std::pair{date::sys_days{t.day}, t.time_of_day.value_or(seconds{0})};
  };
  return key(end) < key(start);
}

}  // namespace kith::formats
