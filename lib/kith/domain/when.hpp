// Dates and intervals as people type them: "fri", "dec 1", "in 3 days", "2w". Every WHEN and
// INTERVAL on the command line goes through here, so the rules (which way "fri" points, how
// Jan 31 + 1 month clamps, what is rejected as impossible or ambiguous) live in one place.
// Nothing here reads the clock: "today" is always passed in.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

#include "kith/domain/interval.hpp"
#include "kith/error.hpp"

namespace kith {

// Which way a bare "fri", "dec 1" or "3d" points: follow-ups and events look ahead, `log --on`
// looks back.
enum class DatePreference { future, past };

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
