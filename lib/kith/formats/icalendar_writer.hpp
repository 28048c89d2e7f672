// Writes iCalendar (RFC 5545) for `kith export --format ics`, so that events and open follow-ups
// show up in the user's calendar. The output depends only on the records (no clock), so the same
// journal exports byte-identically, and UIDs are stable, so importing a newer export updates the
// calendar's entries instead of duplicating them.
#pragma once

#include <date/date.h>

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

#include "kith/domain/event.hpp"
#include "kith/domain/follow_up.hpp"

namespace kith {

// An open follow-up to put in a calendar, with the name of the person it is about.
struct CalendarTodo {
  FollowUp follow_up;
  std::string contact_name;
};

struct CalendarWriterOptions {
  // Write follow-ups as all-day VEVENTs instead of VTODOs, for calendars (Google) that ignore
  // VTODO. The UID stays <uid>@kith either way: a follow-up is one calendar entry, whichever
  // component carries it, and event and follow-up uids are distinct UUIDs.
  bool todo_as_event = false;
};

// Streams one VCALENDAR to out: each event and follow-up is written as it is given, and only the
// years each time zone is used in are remembered, for the VTIMEZONEs that finish() writes.
// Lines end in CRLF and are folded at 75 octets between UTF-8 characters. Call finish() last.
class CalendarWriter {
 public:
  // Writes the calendar's header (VERSION, PRODID, CALSCALE).
  CalendarWriter(std::ostream& out, CalendarWriterOptions options);

  // Writes a VEVENT. Throws Error(invalid_data) if its time zone is not in the time-zone
  // database, before writing any of it.
  void event(const Event& event);
  // Writes a VTODO due on the follow-up's day (or an all-day VEVENT with todo_as_event), with an
  // alarm at 09:00 that day.
  void todo(const CalendarTodo& todo);
  // Writes a VTIMEZONE for every zone the events used, then ends the calendar.
  void finish();

 private:
  // The years a zone's VTIMEZONE has to cover.
  struct YearSpan {
    date::year first;
    date::year last;
  };

  void write(std::string_view content_line);
  void write_text(std::string_view name, std::string_view value);
  void write_stamps(const std::string& created_at, const std::string& updated_at);
  void write_time_zone(const std::string& name, YearSpan years);
  void use_zone(const std::string& name, date::year year);

  std::ostream& m_out;
  CalendarWriterOptions m_options;
  std::map<std::string, YearSpan> m_zones;  // ordered, so VTIMEZONEs come out in a stable order
};

}  // namespace kith
