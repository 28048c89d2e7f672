// A repeat or an offset as people type it: "3d", "2 weeks". Cadences, recurring follow-ups,
// `due --within` and the relative WHENs ("in 3 days") all read and add intervals here.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace kith {

// A repeat or offset such as 3 days or 2 months; count is 1..9999 once parsed.
struct Interval {
  enum class Unit { day, week, month, year };
  int count = 0;
  Unit unit = Unit::day;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// Parses "3d", "2w", "1m", "1y" or "3 days", "1 week", "2 months", "1 year" (any case, singular or
// plural, space optional); throws Error(ErrorKind::usage) otherwise or when count is not 1..9999.
Interval parse_interval(std::string_view text);

// Reads "<digits><unit>" or "<digits> <unit>" from lower-case text with single spaces, without
// checking the count; nullopt if it is not that.
std::optional<Interval> scan_interval(std::string_view text);

// True when the count is 1..9999.
bool interval_count_in_range(const Interval& interval);

// The short form: "3d", "2w", "1m", "1y".
std::string format_interval(const Interval& interval);

// Moves d by interval * times (times may be negative). Months and years are added in one step
// from d and then clamped to the month's last day, so Jan 31 + 1m is Feb 28 (29 in a leap
// year), Feb 29 + 1y is Feb 28, and Jan 31 + 1m * 2 is Mar 31 (no drift across repeats).
date::year_month_day add_interval(date::year_month_day d, const Interval& interval, int times = 1);

}  // namespace kith
