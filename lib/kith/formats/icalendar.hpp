// Reads iCalendar (RFC 5545) files, such as a Meetup group's feed or a Google Calendar export,
// so that `kith event import` can turn their VEVENTs into events. Only what kith needs is kept:
// times exactly as written (TZID names are resolved later, by IcsZoneResolver), the recurrence
// as written (expanded later, by expand_recurrence), the text a person reads, and each
// VTIMEZONE's text for the zones the time-zone database does not know. Other components are
// skipped unread. This reader stays kith's own rather than libical's parser: libical accepts a
// broken line silently (as an X-LIC-ERROR property) and knows no line numbers, and kith must
// name the line of every problem.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "kith/formats/parse_error.hpp"

namespace kith::formats {

// The longest content line accepted once unfolded, and the most text one VEVENT may hold
// (its VALARMs included): a hostile file cannot make the reader hold more than this at once.
inline constexpr std::size_t k_max_ics_line_bytes = std::size_t{1} << 20;
inline constexpr std::size_t k_max_ics_event_bytes = std::size_t{4} << 20;

// A DATE or DATE-TIME value as written (DTSTART, DTEND, RECURRENCE-ID); no zone is resolved.
struct IcsTime {
  date::year_month_day day;
  std::optional<std::chrono::seconds> time_of_day;  // absent for an all-day date
  bool utc = false;                                 // written with a trailing Z
  std::string tzid;  // the TZID parameter as written; empty when utc, floating or a date

  friend bool operator==(const IcsTime&, const IcsTime&) = default;
};

// One VEVENT. Text fields are unescaped; a repeated text property keeps its first value.
struct IcsEvent {
  std::size_t line = 0;  // physical line of BEGIN:VEVENT, 1-based
  std::string uid;       // empty when the file gives none
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  std::string status;  // upper-cased: CONFIRMED, TENTATIVE, CANCELLED, or empty
  IcsTime start;
  std::optional<IcsTime> end;                    // DTEND, never before start in the same zone
  std::optional<std::chrono::seconds> duration;  // DURATION, never negative; never with end
  std::string rrule;                             // RRULE as written: the event repeats
  std::size_t rrule_line = 0;                    // the physical line of the RRULE
  std::vector<IcsTime> rdates;                   // RDATE: extra occurrences (a PERIOD's start)
  std::vector<IcsTime> exdates;                  // EXDATE: occurrences taken out
  // Set on an edited occurrence of a repeating event; it shares its UID with the series.
  std::optional<IcsTime> recurrence_id;
};

// A VTIMEZONE as the file defines it: its TZID and its unfolded content lines, BEGIN and END
// included, CRLF-terminated, for libical to read its rules.
struct IcsTimeZone {
  std::size_t line = 0;  // physical line of BEGIN:VTIMEZONE
  std::string tzid;      // unescaped and trimmed
  std::string text;
};

// What a reader hears. on_time_zone may be empty. Without on_problem, the first problem is
// thrown; with it, a problem confined to one line or one event (a bad line, a bad date, an
// event without DTSTART) is reported there and reading goes on without that event. A file
// whose structure is broken (not a calendar, a NUL byte, invalid UTF-8, an unterminated
// component) is still thrown: nothing after it can be trusted.
struct IcsHandlers {
  std::function<void(IcsEvent&&)> on_event;
  std::function<void(IcsTimeZone&&)> on_time_zone;
  std::function<void(const ParseError&)> on_problem;
};

// Reads a whole iCalendar stream (one or more VCALENDARs), calling on_event for each VEVENT as
// its END:VEVENT is read, possibly before a later problem is found: collect the events and
// write only once this returns.
void read_icalendar(std::istream& in, const IcsHandlers& handlers);

// The same, throwing ParseError on the first problem.
void read_icalendar(std::istream& in, const std::function<void(IcsEvent&&)>& on_event);

}  // namespace kith::formats
