#include "kith/formats/icalendar_writer.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <ostream>
#include <sstream>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// RFC 5545 3.1: a content line SHOULD NOT be longer than 75 octets, its line break excluded.
constexpr std::size_t k_max_line_octets = 75;

// A follow-up's alarm goes off this long after the start of its day: at 09:00.
constexpr std::string_view k_alarm_offset = "PT9H";

// TEXT (RFC 5545 3.3.11): backslash, semicolon and comma are escaped and a line break becomes
// \n. Other control characters are not allowed in TEXT, so they become spaces.
std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A URI value (RFC 5545 3.3.13) is written unescaped. The bytes no URI may hold (controls,
// spaces, non-ASCII) are percent-encoded, which is how RFC 3987 3.1 maps an IRI to a URI.
std::string uri(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      out += '%' + hex_byte(byte);
    } else {
      out += c;
    }
  }
  return out;
}

// A journal timestamp, "2026-11-26T10:00:00Z", as a UTC DATE-TIME: "20261126T100000Z".
std::string utc_date_time(const std::string& timestamp) {
  // The journal writes one fixed shape; anything else is damage, not a format to guess at.
  const bool shaped = timestamp.size() == 20 && timestamp[4] == '-' && timestamp[7] == '-' &&
                      timestamp[10] == 'T' && timestamp[13] == ':' && timestamp[16] == ':' &&
                      timestamp[19] == 'Z' && parse_iso_date(timestamp.substr(0, 10));
  std::string out;
  for (std::size_t i = 0; shaped && i < 19; ++i) {
    char c = timestamp[i];
    if (c >= '0' && c <= '9') {
      out += c;
    } else if (i == 10) {
      out += 'T';
    } else if (c != '-' && c != ':') {
      break;
    }
  }
  if (out.size() != 15 || out.substr(9, 2) > "23" || out.substr(11, 2) > "59" ||
      out.substr(13, 2) > "60") {
    throw Error(ErrorKind::corrupt, "bad timestamp '" + timestamp + "' in the journal");
  }
  return out + "Z";
}

// A DATE value (RFC 5545 3.3.4).
std::string ics_date(date::year_month_day day) {
  std::string text = format_date(day);
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

// A local DATE-TIME value without a zone (RFC 5545 3.3.5): floating, or qualified by a TZID.
std::string local_date_time(date::local_seconds time) {
  return date::format("%Y%m%dT%H%M%S", time);
}

date::year year_of(date::local_time<minutes> time) {
  return date::year_month_day{date::floor<date::days>(time)}.year();
}

date::year_month_day next_day(date::year_month_day day) {
  return date::year_month_day{date::sys_days{day} + date::days{1}};
}

// A UTC-OFFSET value (RFC 5545 3.3.14) such as -0500 or +0530, with seconds only when there are
// any. Zero is +0000: -0000 is not allowed.
std::string utc_offset(seconds offset) {
  const std::string sign = offset < seconds{0} ? "-" : "+";
  const seconds magnitude = std::chrono::abs(offset);
  const char* format = magnitude % minutes{1} == seconds{0} ? "%H%M" : "%H%M%S";
  return sign + date::format(format, magnitude);
}

}  // namespace

CalendarWriter::CalendarWriter(std::ostream& out, CalendarWriterOptions options)
    : m_out(out), m_options(options) {
  write("BEGIN:VCALENDAR");
  write("VERSION:2.0");
  write("PRODID:-//kith//kith//EN");
  write("CALSCALE:GREGORIAN");
}

void CalendarWriter::event(const Event& event) {
  const bool zoned = event.starts_at && !event.time_zone.empty();
  if (zoned) {
    try {
      date::locate_zone(event.time_zone);
    } catch (const std::exception&) {
      throw Error(ErrorKind::invalid_data, "event '" + event.name + "' has an unknown time zone '" +
                                               event.time_zone +
                                               "' (not in the time-zone database)");
    }
  }
  write("BEGIN:VEVENT");
  write_text("UID", event.ics_uid.empty() ? event.uid + "@kith" : event.ics_uid);
  write_stamps(event.created_at, event.updated_at);
  if (event.starts_at) {
    const std::string tzid = zoned ? ";TZID=" + event.time_zone : "";
    const auto start = date::local_days{event.starts_on} + *event.starts_at;
    // An end day without a time means the end of that day. With no end, or one not after the
    // start (its start was edited), there is no DTEND: it ends as it starts (RFC 5545 3.6.1).
    date::local_time<minutes> end = start;
    if (event.ends_at) {
      end = date::local_days{event.ends_on.value_or(event.starts_on)} + *event.ends_at;
    } else if (event.ends_on) {
      end = date::local_days{next_day(*event.ends_on)};
    }
    const bool has_end = end > start;
    write("DTSTART" + tzid + ":" + local_date_time(start));
    if (has_end) write("DTEND" + tzid + ":" + local_date_time(end));
    if (zoned) {
      use_zone(event.time_zone, year_of(start));
      if (has_end) use_zone(event.time_zone, year_of(end));
    }
  } else {
    // All day: DTEND is exclusive, the day after the last one (RFC 5545 3.6.1).
    const date::year_month_day last =
        std::max(event.ends_on.value_or(event.starts_on), event.starts_on);
    write("DTSTART;VALUE=DATE:" + ics_date(event.starts_on));
    write("DTEND;VALUE=DATE:" + ics_date(next_day(last)));
  }
  write_text("SUMMARY", event.name);
  write_text("LOCATION", event.location);
  write_text("DESCRIPTION", event.description);
  if (!event.url.empty()) write("URL:" + uri(event.url));
  if (!event.tags.empty()) {
    std::string categories = "CATEGORIES:";
    for (const std::string& tag : event.tags) {
      if (&tag != &event.tags.front()) categories += ',';
      categories += escape_text(tag);
    }
    write(categories);
  }
  write_text("X-KITH-STATUS", to_string(event.status));
  write("END:VEVENT");
}

void CalendarWriter::todo(const CalendarTodo& todo) {
  const FollowUp& follow_up = todo.follow_up;
  std::string summary = "Follow up with " + todo.contact_name;
  if (!follow_up.note.empty()) summary += ": " + follow_up.note;
  const std::string_view component = m_options.todo_as_event ? "VEVENT" : "VTODO";
  write("BEGIN:" + std::string(component));
  write_text("UID", follow_up.uid + "@kith");
  write_stamps(follow_up.created_at, follow_up.updated_at);
  if (m_options.todo_as_event) {
    write("DTSTART;VALUE=DATE:" + ics_date(follow_up.due_on));
    write("DTEND;VALUE=DATE:" + ics_date(next_day(follow_up.due_on)));
  } else {
    write("DUE;VALUE=DATE:" + ics_date(follow_up.due_on));
  }
  write_text("SUMMARY", summary);
  write_text("DESCRIPTION", follow_up.note);
  if (m_options.todo_as_event) {
    // A reminder does not make the day busy (RFC 5545 3.8.2.7: events are OPAQUE by default).
    write("TRANSP:TRANSPARENT");
  } else {
    write("STATUS:NEEDS-ACTION");
  }
  // RFC 5545 3.8.6.3: RELATED=END counts from a VTODO's DUE, the start of the due day; an
  // all-day VEVENT ends at the next midnight, so its alarm counts from DTSTART instead.
  const std::string related = m_options.todo_as_event ? "START" : "END";
  write("BEGIN:VALARM");
  write("ACTION:DISPLAY");
  write_text("DESCRIPTION", summary);
  write("TRIGGER;RELATED=" + related + ":" + std::string(k_alarm_offset));
  write("END:VALARM");
  write("END:" + std::string(component));
}

void CalendarWriter::finish() {
  for (const auto& [name, years] : m_zones) write_time_zone(name, years);
  write("END:VCALENDAR");
}

// Folds at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence: a cut that lands on a
// continuation byte moves back to the start of its character, at most three bytes away.
void CalendarWriter::write(std::string_view content_line) {
  const auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  std::size_t room = k_max_line_octets;
  while (content_line.size() > room) {
    std::size_t cut = room;
    for (int back = 0; back < 3 && continuation(content_line[cut]); ++back) --cut;
    m_out << content_line.substr(0, cut) << "\r\n ";
    content_line.remove_prefix(cut);
    room = k_max_line_octets - 1;  // a continuation line starts with a space
  }
  m_out << content_line << "\r\n";
}

// Writes a TEXT property, or nothing when the value is empty.
void CalendarWriter::write_text(std::string_view name, std::string_view value) {
  if (!value.empty()) write(std::string(name) + ":" + escape_text(value));
}

// Without a METHOD, DTSTAMP is when the record last changed (RFC 5545 3.8.7.2), so it comes from
// updated_at like LAST-MODIFIED does, and an unchanged record exports unchanged.
void CalendarWriter::write_stamps(const std::string& created_at, const std::string& updated_at) {
  const std::string modified = utc_date_time(updated_at);
  write("DTSTAMP:" + modified);
  write("CREATED:" + utc_date_time(created_at));
  write("LAST-MODIFIED:" + modified);
}

// A VTIMEZONE (RFC 5545 3.6.5) for the years used plus one on each side: an observance for the
// offset in effect on the first day, then one per transition until the end of the last year.
// Listing each transition, rather than RRULEs, keeps past rule changes right and lets a reader
// turn any local time in those years into UTC without a time-zone database of its own.
void CalendarWriter::write_time_zone(const std::string& name, YearSpan years) {
  const date::time_zone* zone = date::locate_zone(name);
  const date::local_days begin{(years.first - date::years{1}) / date::January / 1};
  const date::local_days end{(years.last + date::years{2}) / date::January / 1};
  const auto observance = [&](const date::sys_info& info, date::local_seconds onset,
                              seconds offset_before) {
    const std::string kind = info.save == minutes{0} ? "STANDARD" : "DAYLIGHT";
    write("BEGIN:" + kind);
    write("DTSTART:" + local_date_time(onset));
    write("TZOFFSETFROM:" + utc_offset(offset_before));
    write("TZOFFSETTO:" + utc_offset(info.offset));
    write_text("TZNAME", info.abbrev);
    write("END:" + kind);
  };
  write("BEGIN:VTIMEZONE");
  write("TZID:" + name);
  date::sys_info info = zone->get_info(begin).first;
  observance(info, begin, info.offset);
  // Each transition's onset is the wall-clock time it happens at, in the offset before it.
  const auto local_end = [](const date::sys_info& observed) {
    return date::local_seconds{(observed.end + observed.offset).time_since_epoch()};
  };
  for (date::local_seconds onset = local_end(info); onset < end; onset = local_end(info)) {
    const date::sys_info next = zone->get_info(info.end);
    observance(next, onset, info.offset);
    info = next;
  }
  write("END:VTIMEZONE");
}

void CalendarWriter::use_zone(const std::string& name, date::year year) {
  YearSpan& span = m_zones.try_emplace(name, YearSpan{year, year}).first->second;
  span.first = std::min(span.first, year);
  span.last = std::max(span.last, year);
}

}  // namespace kith
