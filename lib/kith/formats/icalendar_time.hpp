// The time values of an iCalendar event, read as written: DTSTART, DTEND and RECURRENCE-ID
// (a date, or a date and time in UTC, in a TZID zone or floating) and DURATION. Private to
// the iCalendar reader.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "kith/formats/content_line.hpp"
#include "kith/formats/icalendar.hpp"

namespace kith::formats {

// A DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z) value of the property `name`,
// with its VALUE and TZID parameters. Throws ParseError, on `line`, when it is malformed.
IcsTime parse_ics_time(std::string_view name, std::string_view value,
                       const std::vector<ContentParam>& params, std::size_t line);

// An RFC 5545 dur-value such as P1W, P1DT2H, PT1H30M0S or -PT15M (weeks may also be combined
// with days); nullopt when malformed.
std::optional<std::chrono::seconds> parse_ics_duration(std::string_view text);

// True when end is before start and both are written the same way (same zone, both dates or
// both times), so that comparing them as written is meaningful.
bool ends_before_start(const IcsTime& start, const IcsTime& end);

}  // namespace kith::formats
