// Dates and intervals as people type them: "fri", "dec 1", "in 3 days", "2w". Every WHEN and
// INTERVAL on the command line goes through here, so the rules (which way "fri" points, how
// Jan 31 + 1 month clamps, what is rejected as impossible or ambiguous) live in one place.
// Nothing here reads the clock: "today" is always passed in.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

#include "kith/error.hpp"

namespace kith {

// Which way a bare "fri", "dec 1" or "3d" points: follow-ups and events look ahead, `log --on`
// looks back.
enum class DatePreference { future, past };

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

// The short form: "3d", "2w", "1m", "1y".
std::string format_interval(const Interval& interval);

// Moves d by interval * times (times may be negative). Months and years are added in one step
// from d and then clamped to the month's last day, so Jan 31 + 1m is Feb 28 (29 in a leap
// year), Feb 29 + 1y is Feb 28, and Jan 31 + 1m * 2 is Mar 31 (no drift across repeats).
date::year_month_day add_interval(date::year_month_day d, const Interval& interval, int times = 1);

// Parses a WHEN relative to today (see docs/dates.md for the forms); throws
// Error(ErrorKind::usage) with a one-line message naming the accepted forms. Results outside
// the years 1900..9999 are rejected.
date::year_month_day parse_when(std::string_view text, date::year_month_day today,
                                DatePreference prefer);

// Strict YYYY-MM-DD naming a real calendar date in the years 1900..9999; nullopt otherwise.
std::optional<date::year_month_day> parse_iso_date(std::string_view text);

// "YYYY-MM-DD" (more digits for a year past 9999, which kith never stores); never throws.
std::string format_date(date::year_month_day d);

// True for a real date in the years kith stores, 1900 to 9999.
bool supported_date(date::year_month_day d);

// Throws Error(invalid_data) unless supported_date(d), saying that `what` would fall on d.
void require_supported_date(date::year_month_day d, std::string_view what);

}  // namespace kith
