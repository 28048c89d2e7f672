// What a calendar file becomes before it meets the journal: one kith event per VEVENT, or per
// occurrence of a repeating one, each with the key that finds it again on the next import
// (its UID, and for an occurrence, which one). Time zones are resolved here, through the
// time-zone database, Windows names and the file's own VTIMEZONEs; every problem is collected
// with its line rather than the first one thrown.
#pragma once

#include <date/date.h>

#include <iosfwd>
#include <string>
#include <vector>

#include "kith/domain/event.hpp"
#include "kith/formats/parse_error.hpp"

namespace kith::formats {

struct CalendarRecord {
  int line = 0;  // the line of the VEVENT it came from
  Event event;   // event.ics_uid: the key across imports
  bool cancelled = false;
};

// Something the user should know that does not stop the import, at a line of the file.
struct CalendarNotice {
  int line = 0;
  std::string message;
};

// A repeating event whose occurrences were listed: the key of each starts with key_prefix, and
// each from `from` to `to` is in the records unless it was cancelled (taken out by EXDATE).
struct CalendarSeries {
  std::string key_prefix;  // "UID#"
};

struct CalendarRecords {
  std::vector<CalendarRecord> records;
  std::vector<CalendarSeries> series;
  std::vector<ParseError> problems;  // in line order within each kind; the file is refused
  std::vector<CalendarNotice> notices;
};

struct CalendarWindow {
  std::string user_zone;      // the IANA zone UTC times are shown in
  date::year_month_day from;  // occurrences of repeating events from this day
  date::year_month_day to;    // to this day, inclusive
};

// Reads a whole iCalendar stream. Throws ParseError only when the file's structure is broken;
// any other problem is in the result's problems.
CalendarRecords read_calendar_records(std::istream& in, const CalendarWindow& window);

// The key of an event without a UID, derived from its start, summary and location (as
// written), so that importing the file again finds it.
std::string derived_uid(const std::string& start, const std::string& summary,
                        const std::string& location);

}  // namespace kith::formats
