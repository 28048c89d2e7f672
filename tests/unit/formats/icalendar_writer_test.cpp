#include "kith/formats/icalendar_writer.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/error.hpp"
#include "kith/formats/icalendar.hpp"

namespace kith {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

// A timed meetup in New York, with every optional field and text that needs escaping.
Event meetup() {
  Event e;
  e.uid = "7d9e4c52-6f1a-4b8e-9a43-2f5c1e0d8b71";
  e.name = "Rust NYC, December";
  e.starts_on = ymd(2026, 12, 1);
  e.starts_at = hours{19};
  e.ends_on = ymd(2026, 12, 1);
  e.ends_at = hours{21};
  e.time_zone = "America/New_York";
  e.location = "Company HQ; 5th floor";
  e.description = "Talks:\nasync, traits";
  e.url = "https://www.meetup.com/rust-nyc/events/305/";
  e.tags = {"rust", "meetup"};
  e.created_at = "2026-11-20T08:30:00Z";
  e.updated_at = "2026-11-26T10:00:00Z";
  return e;
}

// A two-day career fair imported from a calendar, so it keeps that calendar's UID.
Event career_fair() {
  Event e;
  e.uid = "0e5b1f7a-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
  e.ics_uid = "event_305@meetup.com";
  e.name = "Career fair";
  e.starts_on = ymd(2026, 12, 5);
  e.ends_on = ymd(2026, 12, 6);
  e.status = Attendance::attended;
  e.created_at = "2026-11-01T09:00:00Z";
  e.updated_at = "2026-11-02T09:00:00Z";
  return e;
}

CalendarTodo follow_up_with_ada() {
  FollowUp f;
  f.uid = "c0ffee00-1234-4abc-8def-0123456789ab";
  f.due_on = ymd(2026, 12, 3);
  f.note = "send the slides";
  f.created_at = "2026-12-01T23:15:00Z";
  f.updated_at = "2026-12-02T07:45:00Z";
  return {f, "Ada Lovelace"};
}

// A timed event at 10:00 on day in zone (empty: floating), with nothing else.
Event at_ten(std::string name, date::year_month_day day, std::string zone) {
  Event e;
  e.uid = "uid-" + name;
  e.name = std::move(name);
  e.starts_on = day;
  e.starts_at = hours{10};
  e.time_zone = std::move(zone);
  e.created_at = e.updated_at = "2026-01-01T00:00:00Z";
  return e;
}

std::string write(const std::vector<Event>& events, const std::vector<CalendarTodo>& todos = {},
                  CalendarWriterOptions options = {}) {
  std::ostringstream out;
  CalendarWriter writer(out, options);
  for (const Event& e : events) writer.event(e);
  for (const CalendarTodo& t : todos) writer.todo(t);
  writer.finish();
  return out.str();
}

// The physical lines of CRLF-terminated text, without their CRLF.
std::vector<std::string> physical_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t crlf = text.find("\r\n", at);
    if (crlf == std::string_view::npos) crlf = text.size();
    lines.emplace_back(text.substr(at, crlf - at));
    at = crlf + 2;
  }
  return lines;
}

// A content line, its continuation lines joined back on, and the physical line it starts on.
struct ContentLine {
  std::size_t number;
  std::string text;
};

std::vector<ContentLine> numbered_content_lines(std::string_view text) {
  std::vector<ContentLine> lines;
  const std::vector<std::string> physical = physical_lines(text);
  for (std::size_t n = 0; n < physical.size(); ++n) {
    if (physical[n].starts_with(' ') && !lines.empty()) {
      lines.back().text += physical[n].substr(1);
    } else {
      lines.push_back({n + 1, physical[n]});
    }
  }
  return lines;
}

std::vector<std::string> content_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (ContentLine& line : numbered_content_lines(text)) lines.push_back(std::move(line.text));
  return lines;
}

bool has_line(std::string_view text, std::string_view line) {
  const std::vector<std::string> lines = content_lines(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The content lines from BEGIN:<component> to its END, for the first such component.
std::vector<std::string> component(std::string_view text, std::string_view name) {
  const std::vector<std::string> lines = content_lines(text);
  const std::string begin = "BEGIN:" + std::string(name);
  const std::string end = "END:" + std::string(name);
  auto first = std::find(lines.begin(), lines.end(), begin);
  auto last = std::find(first, lines.end(), end);
  return {first, last == lines.end() ? last : last + 1};
}

// The DTSTART and DTEND lines of the first VEVENT in text.
std::vector<std::string> times(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& line : component(text, "VEVENT")) {
    if (line.starts_with("DTSTART") || line.starts_with("DTEND")) out.push_back(line);
  }
  return out;
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || text.size() - i < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// A component being checked by problems(): how often each property (and BEGIN:<child>) occurs,
// and the first value of each.
struct Checked {
  std::string name;
  std::size_t line;
  std::multiset<std::string> names;
  std::map<std::string, std::string> values;
};

// What a strict RFC 5545 reader would object to in text, one message per problem.
std::vector<std::string> problems(std::string_view text) {
  std::vector<std::string> found;
  const auto at = [](std::size_t line) { return "line " + std::to_string(line) + ": "; };
  if (!text.ends_with("\r\n")) found.push_back("the last line does not end with CRLF");
  const std::vector<std::string> physical = physical_lines(text);
  for (std::size_t n = 0; n < physical.size(); ++n) {
    const std::string& line = physical[n];
    if (line.find_first_of("\r\n") != std::string::npos) {
      found.push_back(at(n + 1) + "bare CR or LF");
    }
    if (line.size() > 75) found.push_back(at(n + 1) + std::to_string(line.size()) + " octets");
    if (!valid_utf8(line)) found.push_back(at(n + 1) + "not UTF-8 on its own (split character)");
  }
  const std::map<std::string, std::set<std::string>> k_parents = {
      {"VEVENT", {"VCALENDAR"}},       {"VTODO", {"VCALENDAR"}},    {"VTIMEZONE", {"VCALENDAR"}},
      {"VALARM", {"VEVENT", "VTODO"}}, {"STANDARD", {"VTIMEZONE"}}, {"DAYLIGHT", {"VTIMEZONE"}}};
  std::vector<Checked> open;
  std::set<std::string> zones_used;
  std::set<std::string> zones_defined;
  const auto check = [&](const Checked& c) {
    const std::string where = c.name + " at line " + std::to_string(c.line);
    const auto count = [&](std::string_view key) { return c.names.count(std::string(key)); };
    const auto once = [&](std::string_view key) {
      if (count(key) != 1) found.push_back(where + " needs one " + std::string(key));
    };
    if (c.name == "VCALENDAR") {
      once("VERSION");
      once("PRODID");
      if (c.values.count("VERSION") && c.values.at("VERSION") != "2.0") {
        found.push_back(where + " is not VERSION:2.0");
      }
    } else if (c.name == "VEVENT" || c.name == "VTODO") {
      once("UID");
      once("DTSTAMP");
    }
    if (c.name == "VEVENT") {
      once("DTSTART");
      if (count("DTEND") + count("DURATION") > 1) {
        found.push_back(where + " has DTEND and DURATION");
      }
    } else if (c.name == "VTODO") {
      if (count("DUE") + count("DURATION") != 1) found.push_back(where + " needs DUE xor DURATION");
    } else if (c.name == "VALARM") {
      once("ACTION");
      once("TRIGGER");
      if (c.values.count("ACTION") && c.values.at("ACTION") == "DISPLAY") once("DESCRIPTION");
    } else if (c.name == "VTIMEZONE") {
      once("TZID");
      if (count("BEGIN:STANDARD") + count("BEGIN:DAYLIGHT") == 0) {
        found.push_back(where + " has no STANDARD or DAYLIGHT");
      }
      if (c.values.count("TZID")) zones_defined.insert(c.values.at("TZID"));
    } else if (c.name == "STANDARD" || c.name == "DAYLIGHT") {
      once("DTSTART");
      once("TZOFFSETFROM");
      once("TZOFFSETTO");
    }
  };
  for (const auto& [number, line] : numbered_content_lines(text)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      found.push_back(at(number) + "no colon");
      continue;
    }
    const std::size_t semicolon = line.find(';');
    const std::string name = line.substr(0, std::min(colon, semicolon));
    const std::string params = semicolon < colon ? line.substr(semicolon, colon - semicolon) : "";
    const std::string value = line.substr(colon + 1);
    if (name == "BEGIN") {
      const auto parents = k_parents.find(value);
      const bool placed =
          open.empty() ? value == "VCALENDAR"
                       : parents != k_parents.end() && parents->second.count(open.back().name) > 0;
      if (!placed) found.push_back(at(number) + "BEGIN:" + value + " in the wrong place");
      if (!open.empty()) open.back().names.insert("BEGIN:" + value);
      open.push_back({value, number, {}, {}});
    } else if (name == "END") {
      if (open.empty() || open.back().name != value) {
        found.push_back(at(number) + "END:" + value + " does not match");
        continue;
      }
      check(open.back());
      open.pop_back();
    } else if (open.empty()) {
      found.push_back(at(number) + name + " outside a component");
    } else {
      open.back().names.insert(name);
      open.back().values.emplace(name, value);
    }
    const std::size_t tzid = params.find(";TZID=");
    if (tzid != std::string::npos) {
      zones_used.insert(params.substr(tzid + 6, params.find(';', tzid + 1) - tzid - 6));
    }
  }
  for (const Checked& c : open) {
    found.push_back(c.name + " at line " + std::to_string(c.line) + " not ended");
  }
  for (const std::string& zone : zones_used) {
    if (!zones_defined.count(zone)) found.push_back("TZID=" + zone + " has no VTIMEZONE");
  }
  return found;
}

// The observances of zone's VTIMEZONE in text, as "KIND DTSTART FROM TO NAME".
std::vector<std::string> observances(std::string_view text, std::string_view zone) {
  std::vector<std::string> out;
  bool in_zone = false;
  std::string current;
  for (const std::string& line : content_lines(text)) {
    if (line == "TZID:" + std::string(zone)) in_zone = true;
    if (line == "END:VTIMEZONE") in_zone = false;
    if (!in_zone) continue;
    if (line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT") current = line.substr(6);
    if (line.starts_with("DTSTART:") || line.starts_with("TZOFFSETFROM:") ||
        line.starts_with("TZOFFSETTO:") || line.starts_with("TZNAME:")) {
      current += " " + line.substr(line.find(':') + 1);
    }
    if (line == "END:STANDARD" || line == "END:DAYLIGHT") out.push_back(current);
  }
  return out;
}

// What a strict reader knows of zone from its VTIMEZONE in text: each observance's onset, with
// the UTC offset (TZOFFSETTO) from then on.
std::map<date::local_seconds, seconds> offsets_from(std::string_view text, std::string_view zone) {
  std::map<date::local_seconds, seconds> onsets;
  for (const std::string& o : observances(text, zone)) {
    std::istringstream in(o);
    std::string kind, start, from, to;
    in >> kind >> start >> from >> to;
    // "20260308T020000": read by hand, as date::parse trips GCC's -Wmaybe-uninitialized.
    const auto number = [&](std::size_t at, std::size_t n) {
      return std::stoi(start.substr(at, n));
    };
    const date::local_seconds onset =
        date::local_days{date::year{number(0, 4)} / number(4, 2) / number(6, 2)} +
        hours{number(9, 2)} + minutes{number(11, 2)} + seconds{number(13, 2)};
    const int hhmm = std::stoi(to.substr(1, 4));
    const seconds offset = hours{hhmm / 100} + minutes{hhmm % 100};
    onsets[onset] = to[0] == '-' ? -offset : offset;
  }
  return onsets;
}

// Lines written one per line, as the CRLF-terminated text a calendar file holds.
std::string crlf(std::string_view lines) {
  std::string out;
  for (const char c : lines) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out + "\r\n";
}

// Compares actual with expected line by line, so a failure names the line that differs.
void expect_lines(std::string_view actual, std::string_view expected) {
  ASSERT_TRUE(actual.ends_with("\r\n"));
  const std::vector<std::string> got = physical_lines(actual);
  const std::vector<std::string> want = physical_lines(expected);
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    EXPECT_EQ(i < got.size() ? got[i] : "(missing)", i < want.size() ? want[i] : "(extra)")
        << "line " << i + 1;
  }
}

// America/New_York over 2025..2027, for events in 2026.
constexpr std::string_view k_new_york = R"(BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:20250101T000000
TZOFFSETFROM:-0500
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20250309T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20251102T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20260308T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20261101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20270314T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20271107T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
END:VTIMEZONE)";

TEST(IcalendarWriterTest, WritesAWholeCalendarExactly) {
  const std::string text = write({meetup(), career_fair()}, {follow_up_with_ada()});
  expect_lines(text, crlf(R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//kith//kith//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
UID:7d9e4c52-6f1a-4b8e-9a43-2f5c1e0d8b71@kith
DTSTAMP:20261126T100000Z
CREATED:20261120T083000Z
LAST-MODIFIED:20261126T100000Z
DTSTART;TZID=America/New_York:20261201T190000
DTEND;TZID=America/New_York:20261201T210000
SUMMARY:Rust NYC\, December
LOCATION:Company HQ\; 5th floor
DESCRIPTION:Talks:\nasync\, traits
URL:https://www.meetup.com/rust-nyc/events/305/
CATEGORIES:rust,meetup
X-KITH-STATUS:planned
END:VEVENT
BEGIN:VEVENT
UID:event_305@meetup.com
DTSTAMP:20261102T090000Z
CREATED:20261101T090000Z
LAST-MODIFIED:20261102T090000Z
DTSTART;VALUE=DATE:20261205
DTEND;VALUE=DATE:20261207
SUMMARY:Career fair
X-KITH-STATUS:attended
END:VEVENT
BEGIN:VTODO
UID:c0ffee00-1234-4abc-8def-0123456789ab@kith
DTSTAMP:20261202T074500Z
CREATED:20261201T231500Z
LAST-MODIFIED:20261202T074500Z
DUE;VALUE=DATE:20261203
SUMMARY:Follow up with Ada Lovelace: send the slides
DESCRIPTION:send the slides
STATUS:NEEDS-ACTION
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Follow up with Ada Lovelace: send the slides
TRIGGER;RELATED=END:PT9H
END:VALARM
END:VTODO
)" + std::string(k_new_york) +
                          "\nEND:VCALENDAR"));
  // Nothing in it depends on when it is written.
  EXPECT_EQ(text, write({meetup(), career_fair()}, {follow_up_with_ada()}));
}

TEST(IcalendarWriterTest, WritesFollowUpsAsAllDayEventsWhenAsked) {
  CalendarTodo no_note = follow_up_with_ada();
  no_note.follow_up.uid = "d00dfeed-0000-4000-8000-000000000000";
  no_note.follow_up.note.clear();
  const std::string text = write({}, {follow_up_with_ada(), no_note}, {.todo_as_event = true});
  expect_lines(text, crlf(R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//kith//kith//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
UID:c0ffee00-1234-4abc-8def-0123456789ab@kith
DTSTAMP:20261202T074500Z
CREATED:20261201T231500Z
LAST-MODIFIED:20261202T074500Z
DTSTART;VALUE=DATE:20261203
DTEND;VALUE=DATE:20261204
SUMMARY:Follow up with Ada Lovelace: send the slides
DESCRIPTION:send the slides
TRANSP:TRANSPARENT
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Follow up with Ada Lovelace: send the slides
TRIGGER;RELATED=START:PT9H
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:d00dfeed-0000-4000-8000-000000000000@kith
DTSTAMP:20261202T074500Z
CREATED:20261201T231500Z
LAST-MODIFIED:20261202T074500Z
DTSTART;VALUE=DATE:20261203
DTEND;VALUE=DATE:20261204
SUMMARY:Follow up with Ada Lovelace
TRANSP:TRANSPARENT
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Follow up with Ada Lovelace
TRIGGER;RELATED=START:PT9H
END:VALARM
END:VEVENT
END:VCALENDAR)"));
}

TEST(IcalendarWriterTest, FoldsAt75OctetsWithoutSplittingCharacters) {
  Event long_ascii = at_ten("", ymd(2026, 12, 1), "");
  long_ascii.name = std::string(70, 'a') + "bcdefghij";  // SUMMARY: + 79 = 87 octets
  Event emoji = long_ascii;
  // SUMMARY: + 66 octets = 74, so the emoji's four octets straddle octet 75.
  emoji.name = std::string(66, 'a') + "\U0001F600" + std::string(80, 'z');

  const std::vector<std::string> lines = physical_lines(write({long_ascii}));
  const auto ascii = std::find(lines.begin(), lines.end(), "SUMMARY:" + std::string(67, 'a'));
  ASSERT_NE(ascii, lines.end());
  EXPECT_EQ(*(ascii + 1), " aaabcdefghij");

  const std::vector<std::string> folded = physical_lines(write({emoji}));
  const auto first = std::find(folded.begin(), folded.end(), "SUMMARY:" + std::string(66, 'a'));
  ASSERT_NE(first, folded.end());
  EXPECT_EQ(*(first + 1), " \U0001F600" + std::string(70, 'z'));
  EXPECT_EQ(*(first + 2), " " + std::string(10, 'z'));
  EXPECT_TRUE(has_line(write({emoji}), "SUMMARY:" + emoji.name));
}

TEST(IcalendarWriterTest, EscapesTextAndKeepsUrlsAndControlCharactersValid) {
  Event e = at_ten("back\\slash; semi, comma", ymd(2026, 12, 1), "");
  e.description = "one\r\ntwo\rthree\nfour\tfive\x01six";
  e.location = "Caf\u00e9 \"Zur Post\"";
  e.url = "https://example.org/a b?q=x,y&caf\u00e9";
  e.tags = {"rust", "a,b", "c;d"};
  const std::string text = write({e});

  EXPECT_TRUE(has_line(text, "SUMMARY:back\\\\slash\\; semi\\, comma"));
  EXPECT_TRUE(has_line(text, "DESCRIPTION:one\\ntwo\\nthree\\nfour\tfive six"));
  EXPECT_TRUE(has_line(text, "LOCATION:Caf\u00e9 \"Zur Post\""));
  EXPECT_TRUE(has_line(text, "URL:https://example.org/a%20b?q=x,y&caf%C3%A9"));
  EXPECT_TRUE(has_line(text, "CATEGORIES:rust,a\\,b,c\\;d"));
}

TEST(IcalendarWriterTest, WritesTimesAsFloatingZonedOrAllDay) {
  Event floating = at_ten("floating", ymd(2026, 12, 1), "");
  Event zoned = at_ten("zoned", ymd(2026, 12, 1), "Europe/London");
  zoned.ends_on = ymd(2026, 12, 3);  // a day but no time: to the end of that day
  Event backwards = at_ten("backwards", ymd(2026, 12, 1), "");
  backwards.ends_at = hours{9};  // edited to start after its end: no DTEND
  Event all_day = at_ten("all day", ymd(2026, 12, 31), "Asia/Tokyo");
  all_day.starts_at.reset();
  all_day.ends_at = hours{18};  // an all-day event has no time of day

  EXPECT_EQ(times(write({floating})), std::vector<std::string>{"DTSTART:20261201T100000"});
  EXPECT_EQ(write({floating}).find("VTIMEZONE"), std::string::npos);
  EXPECT_EQ(times(write({zoned})),
            (std::vector<std::string>{"DTSTART;TZID=Europe/London:20261201T100000",
                                      "DTEND;TZID=Europe/London:20261204T000000"}));
  EXPECT_EQ(times(write({backwards})), std::vector<std::string>{"DTSTART:20261201T100000"});
  const std::string all_day_text = write({all_day});
  EXPECT_EQ(times(all_day_text),
            (std::vector<std::string>{"DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101"}));
  EXPECT_EQ(all_day_text.find("VTIMEZONE"), std::string::npos);
}

TEST(IcalendarWriterTest, OutputPassesAStrictValidator) {
  Event emoji = meetup();
  emoji.name = "\U0001F980 Rust \u00D7 \u6771\u4EAC \u52C9\u5F37\u4F1A \U0001F389 " +
               std::string(40, 'x') + " \u6771\u4EAC\u90FD\u6E0B\u8C37\u533A\u3067\u306E\u4F1A";
  emoji.description.clear();
  for (int i = 0; i < 30; ++i) emoji.description += "\u65E5\u672C\u8A9E\U0001F600\u00E9;";
  emoji.time_zone = "Asia/Tokyo";
  Event floating = at_ten("floating", ymd(2026, 6, 1), "");
  Event sydney = at_ten("sydney", ymd(2027, 1, 15), "Australia/Sydney");
  CalendarTodo long_todo = follow_up_with_ada();
  long_todo.contact_name = "\u5C71\u7530 \u592A\u90CE \U0001F468\u200D\U0001F4BB";
  long_todo.follow_up.note = emoji.description;

  const std::vector<std::string> outputs = {
      write({}),
      write({meetup(), career_fair()}, {follow_up_with_ada()}),
      write({meetup(), career_fair()}, {follow_up_with_ada()}, {.todo_as_event = true}),
      write({emoji, floating, sydney, meetup()}, {long_todo}),
      write({emoji}, {long_todo}, {.todo_as_event = true}),
  };
  for (const std::string& text : outputs) {
    EXPECT_EQ(problems(text), std::vector<std::string>{}) << text;
  }
}

TEST(IcalendarWriterTest, ValidatorCatchesBrokenCalendars) {
  const auto calendar = [](std::string_view body) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\n" + std::string(body) +
           "END:VCALENDAR\r\n";
  };
  const std::string event_head = "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n";
  EXPECT_EQ(problems(calendar("")), std::vector<std::string>{});
  EXPECT_EQ(problems(calendar(event_head + "DTSTART:20260101\r\nSUMMARY:" + std::string(68, 'a') +
                              "\r\nEND:VEVENT\r\n")),
            std::vector<std::string>{"line 8: 76 octets"});
  EXPECT_EQ(problems(calendar(event_head + "DTSTART:20260101\r\nSUMMARY:" + std::string(65, 'a') +
                              "\xF0\x9F\r\n \x98\x80\r\nEND:VEVENT\r\n")),
            (std::vector<std::string>{"line 8: not UTF-8 on its own (split character)",
                                      "line 9: not UTF-8 on its own (split character)"}));
  EXPECT_EQ(problems(calendar(event_head + "DTSTART;TZID=Nowhere:20260101T100000\r\n"
                                           "END:VEVENT\r\n")),
            std::vector<std::string>{"TZID=Nowhere has no VTIMEZONE"});
  EXPECT_EQ(problems(calendar("BEGIN:VTODO\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n"
                              "DUE;VALUE=DATE:20260101\r\nDURATION:P1D\r\nBEGIN:VALARM\r\n"
                              "ACTION:DISPLAY\r\nTRIGGER:PT0S\r\nEND:VALARM\r\nEND:VTODO\r\n")),
            (std::vector<std::string>{"VALARM at line 9 needs one DESCRIPTION",
                                      "VTODO at line 4 needs DUE xor DURATION"}));
  EXPECT_EQ(problems("BEGIN:VCALENDAR\r\nVERSION:2.0\nPRODID:x\r\nEND:VCALENDAR"),
            (std::vector<std::string>{
                "the last line does not end with CRLF", "line 2: bare CR or LF",
                "VCALENDAR at line 1 needs one PRODID", "VCALENDAR at line 1 is not VERSION:2.0"}));
  EXPECT_EQ(
      problems(calendar("BEGIN:VEVENT\r\nDTSTART:20260101\r\n")),
      (std::vector<std::string>{"line 6: END:VCALENDAR does not match",
                                "VCALENDAR at line 1 not ended", "VEVENT at line 4 not ended"}));
}

TEST(IcalendarWriterTest, KithReadsBackWhatItWrote) {
  Event emoji = at_ten("\U0001F980 \u6771\u4EAC " + std::string(70, 'r'), ymd(2026, 3, 8),
                       "America/New_York");
  emoji.starts_at = hours{3} + minutes{30};
  emoji.ends_on = ymd(2026, 3, 9);
  emoji.ends_at = hours{1};
  emoji.description = "line one\nline two; with, punctuation \\ and \u00E9";
  emoji.location = "Room 1, Building 2";
  emoji.url = "https://example.org/?a=1,2";
  Event floating = at_ten("floating", ymd(2026, 12, 1), "");

  std::vector<Event> written = {meetup(), career_fair(), emoji, floating};
  std::istringstream in(write(written, {follow_up_with_ada()}, {.todo_as_event = true}));
  std::vector<formats::IcsEvent> read;
  formats::read_icalendar(in, [&](formats::IcsEvent&& e) { read.push_back(std::move(e)); });

  ASSERT_EQ(read.size(), 5U);
  for (std::size_t i = 0; i < written.size(); ++i) {
    const Event& e = written[i];
    const formats::IcsEvent& back = read[i];
    EXPECT_EQ(back.uid, e.ics_uid.empty() ? e.uid + "@kith" : e.ics_uid);
    EXPECT_EQ(back.summary, e.name);
    EXPECT_EQ(back.location, e.location);
    EXPECT_EQ(back.url, e.url);
    EXPECT_EQ(back.description, e.description);
    const std::optional<seconds> start_time =
        e.starts_at ? std::optional<seconds>(*e.starts_at) : std::nullopt;
    const std::string tzid = e.starts_at ? e.time_zone : "";
    EXPECT_EQ(back.start, (formats::IcsTime{e.starts_on, start_time, false, tzid}));
  }
  ASSERT_TRUE(read[0].end && read[2].end);
  EXPECT_EQ(*read[0].end,
            (formats::IcsTime{ymd(2026, 12, 1), hours{21}, false, "America/New_York"}));
  EXPECT_EQ(*read[2].end, (formats::IcsTime{ymd(2026, 3, 9), hours{1}, false, "America/New_York"}));
  EXPECT_EQ(read[1].end, (formats::IcsTime{ymd(2026, 12, 7), std::nullopt, false, ""}));
  EXPECT_FALSE(read[3].end.has_value());
  EXPECT_EQ(read[4].uid, "c0ffee00-1234-4abc-8def-0123456789ab@kith");
  EXPECT_EQ(read[4].summary, "Follow up with Ada Lovelace: send the slides");
  EXPECT_EQ(read[4].start, (formats::IcsTime{ymd(2026, 12, 3), std::nullopt, false, ""}));
}

TEST(IcalendarWriterTest, NewYorkZoneHasTheUsTransitions) {
  const std::string text = write({at_ten("nyc", ymd(2026, 7, 4), "America/New_York")});
  EXPECT_EQ(component(text, "VTIMEZONE"), physical_lines(crlf(k_new_york)));
}

TEST(IcalendarWriterTest, LondonZoneSwitchesAtOneInTheMorningUtc) {
  const std::string text = write({at_ten("london", ymd(2026, 7, 4), "Europe/London")});
  EXPECT_EQ(observances(text, "Europe/London"), (std::vector<std::string>{
                                                    "STANDARD 20250101T000000 +0000 +0000 GMT",
                                                    "DAYLIGHT 20250330T010000 +0000 +0100 BST",
                                                    "STANDARD 20251026T020000 +0100 +0000 GMT",
                                                    "DAYLIGHT 20260329T010000 +0000 +0100 BST",
                                                    "STANDARD 20261025T020000 +0100 +0000 GMT",
                                                    "DAYLIGHT 20270328T010000 +0000 +0100 BST",
                                                    "STANDARD 20271031T020000 +0100 +0000 GMT",
                                                }));
}

TEST(IcalendarWriterTest, TokyoZoneHasOneStandardObservance) {
  const std::string text = write({at_ten("tokyo", ymd(2026, 7, 4), "Asia/Tokyo")});
  EXPECT_EQ(observances(text, "Asia/Tokyo"),
            std::vector<std::string>{"STANDARD 20250101T000000 +0900 +0900 JST"});
}

TEST(IcalendarWriterTest, ZoneCoversEveryYearUsedAndOneEitherSide) {
  Event ends_later = at_ten("long", ymd(2026, 12, 31), "America/New_York");
  ends_later.ends_on = ymd(2027, 1, 1);
  const std::vector<std::string> spanned = observances(
      write({at_ten("late", ymd(2029, 5, 1), "America/New_York"), ends_later}), "America/New_York");
  ASSERT_EQ(spanned.size(), 1U + 2 * 6);  // 2025..2030
  EXPECT_EQ(spanned.front(), "STANDARD 20250101T000000 -0500 -0500 EST");
  EXPECT_EQ(spanned.back(), "STANDARD 20301103T020000 -0400 -0500 EST");
}

TEST(IcalendarWriterTest, VtimezoneGivesTheRightUtcInstantEveryHour) {
  for (const char* zone_name : {"America/New_York", "Europe/London", "Asia/Tokyo",
                                "Australia/Sydney", "Asia/Kolkata", "America/St_Johns"}) {
    const std::string text = write({at_ten("here", ymd(2026, 1, 1), zone_name)});
    const std::map<date::local_seconds, seconds> onsets = offsets_from(text, zone_name);
    const date::time_zone* zone = date::locate_zone(zone_name);
    std::size_t checked = 0;
    for (date::local_seconds local{date::local_days{ymd(2025, 1, 1)}};
         local < date::local_days{ymd(2028, 1, 1)}; local += hours{1}) {
      const date::local_info info = zone->get_info(local);
      if (info.result == date::local_info::nonexistent) continue;  // no instant to compare
      // The observance with the latest onset at or before the local time gives the offset; an
      // ambiguous time means its first occurrence (RFC 5545 3.3.5).
      const auto after = onsets.upper_bound(local);
      ASSERT_NE(after, onsets.begin()) << zone_name << " " << date::format("%F %T", local);
      const date::sys_seconds utc{local.time_since_epoch() - std::prev(after)->second};
      ASSERT_EQ(utc, date::sys_seconds{local.time_since_epoch() - info.first.offset})
          << zone_name << " " << date::format("%F %T", local);
      ++checked;
    }
    EXPECT_GT(checked, 26000U) << zone_name;
  }
}

TEST(IcalendarWriterTest, RefusesAnUnknownZoneBeforeWritingTheEvent) {
  std::ostringstream out;
  CalendarWriter writer(out, {});
  const std::string header = out.str();
  try {
    writer.event(at_ten("mars", ymd(2026, 1, 1), "Mars/Olympus_Mons"));
    ADD_FAILURE() << "accepted an unknown zone";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_data);
    EXPECT_STREQ(e.what(),
                 "event 'mars' has an unknown time zone 'Mars/Olympus_Mons' (not in the "
                 "time-zone database)");
  }
  EXPECT_EQ(out.str(), header);
}

TEST(IcalendarWriterTest, RefusesABadTimestamp) {
  Event e = meetup();
  e.updated_at = "2026-11-26 10:00";
  std::ostringstream out;
  CalendarWriter writer(out, {});
  try {
    writer.event(e);
    ADD_FAILURE() << "accepted a bad timestamp";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::corrupt);
    EXPECT_STREQ(error.what(), "bad timestamp '2026-11-26 10:00' in the journal");
  }
}

}  // namespace
}  // namespace kith
