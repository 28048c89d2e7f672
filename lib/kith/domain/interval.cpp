#include "kith/domain/interval.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith {
namespace {

constexpr int k_max_count = 9999;
constexpr std::string_view k_interval_forms = "use a number and a unit: 3d, 2w, 1m or 1y";

// Each unit's letter, its name (also accepted with an "s") and its length in days or months,
// indexed by Interval::Unit.
struct UnitInfo {
  char letter;
  std::string_view name;
  int length;
  bool in_months;
};
constexpr std::array<UnitInfo, 4> k_units = {{{'d', "day", 1, false},
                                              {'w', "week", 7, false},
                                              {'m', "month", 1, true},
                                              {'y', "year", 12, true}}};

}  // namespace

std::optional<Interval> scan_interval(std::string_view text) {
  const std::size_t digits = std::min(text.find_first_not_of("0123456789"), text.size());
  if (digits == 0) return std::nullopt;
  std::string_view unit = text.substr(digits);
  if (unit.starts_with(' ')) unit.remove_prefix(1);
  const auto found = std::find_if(k_units.begin(), k_units.end(), [&](const UnitInfo& u) {
    return unit == std::string_view(&u.letter, 1) || unit == u.name ||
           (unit.ends_with('s') && unit.substr(0, unit.size() - 1) == u.name);
  });
  if (found == k_units.end()) return std::nullopt;
  // A count too large for an int reads as 0, which the range check refuses.
  int count = 0;
  std::from_chars(text.data(), text.data() + digits, count);
  return Interval{count, static_cast<Interval::Unit>(found - k_units.begin())};
}

bool interval_count_in_range(const Interval& interval) {
  return interval.count >= 1 && interval.count <= k_max_count;
}

Interval parse_interval(std::string_view text) {
  const std::string shown = collapse_whitespace(text);
  if (shown.empty()) {
    throw Error(ErrorKind::usage, "empty interval; " + std::string(k_interval_forms));
  }
  const auto interval = scan_interval(ascii_lower(shown));
  if (!interval) {
    throw Error(ErrorKind::usage,
                "invalid interval '" + shown + "'; " + std::string(k_interval_forms));
  }
  if (!interval_count_in_range(*interval)) {
    throw Error(ErrorKind::usage, "invalid interval '" + shown +
                                      "' (the number must be between 1 and 9999); " +
                                      std::string(k_interval_forms));
  }
  return *interval;
}

std::string format_interval(const Interval& interval) {
  return std::to_string(interval.count) + k_units[static_cast<std::size_t>(interval.unit)].letter;
}

date::year_month_day add_interval(date::year_month_day d, const Interval& interval, int times) {
  const UnitInfo& unit = k_units[static_cast<std::size_t>(interval.unit)];
  const int steps = static_cast<int>(static_cast<long long>(interval.count) * times * unit.length);
  if (!unit.in_months) return date::sys_days{d} + date::days{steps};
  const date::year_month month = d.year() / d.month() + date::months{steps};
  return month / std::min(d.day(), (month / date::last).day());
}

}  // namespace kith
