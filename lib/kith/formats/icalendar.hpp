// Reads iCalendar (RFC 5545) files, such as a Meetup group's feed or a Google Calendar export,
// so that `kith event import` can turn their VEVENTs into events. Only what kith needs is kept:
// times exactly as written (TZID names are resolved later, through the time-zone database) and
// the text a person reads. Every other component, VTIMEZONE included, is skipped unread.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

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
  std::string uid;       // never blank
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  std::string status;  // upper-cased: CONFIRMED, TENTATIVE, CANCELLED, or empty
  IcsTime start;
  std::optional<IcsTime> end;                    // DTEND, never before start in the same zone
  std::optional<std::chrono::seconds> duration;  // DURATION, never negative; never with end
  std::string rrule;                             // RRULE as written: the event repeats
  // Set on an edited occurrence of a repeating event; it shares its UID with the series.
  std::optional<IcsTime> recurrence_id;
};

// Reads a whole iCalendar stream (one or more VCALENDARs), calling on_event for each VEVENT as
// its END:VEVENT is read. Throws ParseError on the first problem, possibly after on_event has
// already been called for earlier events: collect them and write only once this returns.
void read_icalendar(std::istream& in, const std::function<void(IcsEvent&&)>& on_event);

}  // namespace kith::formats
