#include "kith/formats/icalendar.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <chrono>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kith::formats {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

IcsTime zoned(date::year_month_day day, hours h, minutes m, std::string tzid) {
  return {day, h + m, false, std::move(tzid)};
}

IcsTime utc(date::year_month_day day, hours h, minutes m) { return {day, h + m, true, ""}; }

IcsTime all_day(date::year_month_day day) { return {day, std::nullopt, false, ""}; }

std::vector<IcsEvent> read(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<IcsEvent> events;
  read_icalendar(in, [&](IcsEvent&& event) { events.push_back(std::move(event)); });
  return events;
}

// The ParseError text is rejected with, as "LINE: message"; fails the test if it is accepted.
std::string error_of(std::string_view text) {
  try {
    const std::vector<IcsEvent> events = read(text);
    ADD_FAILURE() << "accepted with " << events.size() << " events:\n" << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_data);
    return std::to_string(e.line()) + ": " + e.what();
  }
  return "";
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Wraps VEVENT lines (LF-separated, no final newline) in a minimal calendar; the event's
// BEGIN:VEVENT is on line 3.
std::string calendar(std::string_view event_lines) {
  return "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n" + std::string(event_lines) +
         "\nEND:VEVENT\nEND:VCALENDAR\n";
}

// A group's feed as meetup.com serves it: a full VTIMEZONE whose DAYLIGHT and STANDARD rules
// carry their own DTSTART and RRULE, events on both sides of the November 2018 DST change, a
// folded description with escapes, and an event with neither DTEND nor URL.
constexpr std::string_view k_meetup_feed = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Meetup//RemoteApi//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-ORIGINAL-URL:https://www.meetup.com/rust-nyc/events/ical/
X-WR-CALNAME:Events - Rust NYC
X-MS-OLK-FORCEINSPECTOROPEN:TRUE
BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
DTSTAMP:20181020T161011Z
DTSTART;TZID=America/New_York:20181030T190000
DTEND;TZID=America/New_York:20181030T210000
STATUS:CONFIRMED
SUMMARY:Async Rust in Practice
DESCRIPTION:Rust NYC\nTuesday\, October 30 at 7:00 PM\n\nTwo talks on async
  Rust\; pizza provided. Bring a laptop if you want to follow along\, or ju
 st come to listen...\n\nhttps://www.meetup.com/rust-nyc/events/255012345/
CLASS:PUBLIC
CREATED:20181009T174127Z
GEO:40.7397;-73.9926
LOCATION:Flatiron Office (123 W 18th St\, New York\, NY)
URL:https://www.meetup.com/rust-nyc/events/255012345/
LAST-MODIFIED:20181018T152211Z
UID:event_255012345@meetup.com
END:VEVENT
BEGIN:VEVENT
DTSTAMP:20181020T161011Z
DTSTART;TZID=America/New_York:20181106T183000
STATUS:CONFIRMED
SUMMARY:Café Rust — Ünïcode night
DESCRIPTION:Rust NYC\nTuesday\, November 6 at 6:30 PM\n\nLightning talks.
CLASS:PUBLIC
LOCATION:Café Zürich (9 Bleecker St\, New York\, NY)
UID:event_255067890@meetup.com
END:VEVENT
END:VCALENDAR
)";

TEST(ICalendarTest, ReadsAMeetupFeedWithoutTheTimeZoneRules) {
  const std::vector<IcsEvent> events = read(k_meetup_feed);
  ASSERT_EQ(events.size(), 2u);

  const IcsEvent& talk = events[0];
  EXPECT_EQ(talk.line, 27u);
  EXPECT_EQ(talk.uid, "event_255012345@meetup.com");
  EXPECT_EQ(talk.summary, "Async Rust in Practice");
  EXPECT_EQ(talk.description,
            "Rust NYC\nTuesday, October 30 at 7:00 PM\n\nTwo talks on async Rust; pizza provided. "
            "Bring a laptop if you want to follow along, or just come to listen...\n\n"
            "https://www.meetup.com/rust-nyc/events/255012345/");
  EXPECT_EQ(talk.location, "Flatiron Office (123 W 18th St, New York, NY)");
  EXPECT_EQ(talk.url, "https://www.meetup.com/rust-nyc/events/255012345/");
  EXPECT_EQ(talk.status, "CONFIRMED");
  EXPECT_EQ(talk.start, zoned(ymd(2018, 10, 30), hours{19}, minutes{0}, "America/New_York"));
  EXPECT_EQ(talk.end, zoned(ymd(2018, 10, 30), hours{21}, minutes{0}, "America/New_York"));
  EXPECT_FALSE(talk.duration);
  EXPECT_EQ(talk.rrule, "");

  const IcsEvent& night = events[1];
  EXPECT_EQ(night.line, 44u);
  EXPECT_EQ(night.summary, "Café Rust — Ünïcode night");
  EXPECT_EQ(night.location, "Café Zürich (9 Bleecker St, New York, NY)");
  EXPECT_EQ(night.start, zoned(ymd(2018, 11, 6), hours{18}, minutes{30}, "America/New_York"));
  EXPECT_FALSE(night.end);
  EXPECT_EQ(night.url, "");
}

TEST(ICalendarTest, ReadsAGoogleCalendarExport) {
  const std::vector<IcsEvent> events = read(R"(BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:priya@example.com
X-WR-TIMEZONE:Europe/London
BEGIN:VEVENT
DTSTART:20260524T143000Z
DTEND:20260524T153000Z
DTSTAMP:20260601T090000Z
UID:7kq2v0r1e3b8@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Sam Ok
 afor;X-NUM-GUESTS=0:mailto:sam@example.com
CREATED:20260520T101500Z
DESCRIPTION:
LAST-MODIFIED:20260520T101500Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Coffee with Sam
TRANSP:OPAQUE
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:This is an event reminder
TRIGGER:-P0DT0H30M0S
END:VALARM
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260315
DTEND;VALUE=DATE:20260316
DTSTAMP:20260601T090000Z
UID:0a1b2c3d4e@google.com
SUMMARY:PyCon sprint day
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20260107T090000
DTEND;TZID=Europe/London:20260107T093000
RRULE:FREQ=WEEKLY;BYDAY=WE
UID:standup@google.com
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20260114T100000
DTEND;TZID=Europe/London:20260114T103000
RECURRENCE-ID;TZID=Europe/London:20260114T090000
UID:standup@google.com
SUMMARY:Standup (moved)
END:VEVENT
END:VCALENDAR
)");
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].start, utc(ymd(2026, 5, 24), hours{14}, minutes{30}));
  EXPECT_EQ(events[0].end, utc(ymd(2026, 5, 24), hours{15}, minutes{30}));
  EXPECT_EQ(events[0].description, "") << "the VALARM's DESCRIPTION must not leak";
  EXPECT_EQ(events[0].summary, "Coffee with Sam");
  EXPECT_EQ(events[1].start, all_day(ymd(2026, 3, 15)));
  EXPECT_EQ(events[1].end, all_day(ymd(2026, 3, 16)));
  EXPECT_EQ(events[2].rrule, "FREQ=WEEKLY;BYDAY=WE");
  EXPECT_FALSE(events[2].recurrence_id);
  EXPECT_EQ(events[3].uid, events[2].uid);
  EXPECT_EQ(events[3].recurrence_id,
            zoned(ymd(2026, 1, 14), hours{9}, minutes{0}, "Europe/London"));
}

TEST(ICalendarTest, ReadsCrlfLfLoneCrMixedAndTwiceConvertedLineBreaksAlike) {
  const std::string crlf = replace_all(std::string(k_meetup_feed), "\n", "\r\n");
  const std::string twice_converted = replace_all(std::string(k_meetup_feed), "\n", "\r\r\n");
  std::string mixed;
  std::size_t line = 0;
  for (const char c : k_meetup_feed) {
    if (c != '\n') mixed.push_back(c);
    if (c == '\n') mixed += ++line % 3 == 0 ? "\r" : line % 3 == 1 ? "\r\n" : "\n";
  }
  const std::vector<IcsEvent> expected = read(k_meetup_feed);
  for (const std::string& text : {crlf, mixed, twice_converted}) {
    const std::vector<IcsEvent> events = read(text);
    ASSERT_EQ(events.size(), expected.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i].line, expected[i].line);
      EXPECT_EQ(events[i].description, expected[i].description);
      EXPECT_EQ(events[i].start, expected[i].start);
    }
  }
}

TEST(ICalendarTest, StripsAByteOrderMarkAndToleratesNoFinalNewline) {
  std::string text = "\xEF\xBB\xBF" + calendar("UID:1\nDTSTART:20260101T100000\nSUMMARY:x");
  text.pop_back();
  const std::vector<IcsEvent> events = read(text);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].summary, "x");
  EXPECT_EQ(events[0].start, (IcsTime{ymd(2026, 1, 1), hours{10}, false, ""}));
}

TEST(ICalendarTest, UnfoldsSpaceAndTabContinuationsEvenInsideEscapesAndCharacters) {
  // "é" is split between its two bytes, and "\," between backslash and comma.
  const std::vector<IcsEvent> events =
      read(calendar("UID:1\nDTSTART:20260101\nSUMMARY:Caf\xC3\n\t\xA9 one\\\n ,two\nLOCATION:a\n "
                    "\n b"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].summary, "Café one,two");
  EXPECT_EQ(events[0].location, "ab");
}

TEST(ICalendarTest, UnescapesTextButKeepsUnknownEscapesReadable) {
  const std::vector<IcsEvent> events = read(calendar(
      R"(UID:a\,b
DTSTART:20260101
SUMMARY:back\\slash\; semi\, comma\nLF\NLF
DESCRIPTION:time 10\:30 and a trailing \
URL:https://example.com/a?b=1&c=2)"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].uid, "a,b");
  EXPECT_EQ(events[0].summary, "back\\slash; semi, comma\nLF\nLF");
  EXPECT_EQ(events[0].description, "time 10:30 and a trailing \\");
  EXPECT_EQ(events[0].url, "https://example.com/a?b=1&c=2");
}

TEST(ICalendarTest, NamesAndParametersAreCaseInsensitiveAndQuotedColonsStayInParameters) {
  const std::vector<IcsEvent> events = read(calendar(
      "uid:1\nDtStart;x-note=\"a:b;c\";tzid=\"Europe/Berlin\":20260524T143000\n"
      "DTEND;VALUE=DATE-TIME;TZID=Europe/Berlin:20260524T160000\nsummary:Talk\nstatus:tentative"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].start, zoned(ymd(2026, 5, 24), hours{14}, minutes{30}, "Europe/Berlin"));
  EXPECT_EQ(events[0].end, zoned(ymd(2026, 5, 24), hours{16}, minutes{0}, "Europe/Berlin"));
  EXPECT_EQ(events[0].summary, "Talk");
  EXPECT_EQ(events[0].status, "TENTATIVE");
}

TEST(ICalendarTest, ReadsDateForms) {
  const auto start = [](std::string_view line) {
    return read(calendar("UID:1\n" + std::string(line)))[0].start;
  };
  EXPECT_EQ(start("DTSTART:20260524T143000Z"), utc(ymd(2026, 5, 24), hours{14}, minutes{30}));
  EXPECT_EQ(start("DTSTART:20260524T143000"),
            (IcsTime{ymd(2026, 5, 24), seconds{52200}, false, ""}));
  EXPECT_EQ(start("DTSTART;VALUE=DATE:20260315"), all_day(ymd(2026, 3, 15)));
  EXPECT_EQ(start("DTSTART:20260315"), all_day(ymd(2026, 3, 15)));
  EXPECT_EQ(start("DTSTART;TZID=Europe/Paris:20260315"), all_day(ymd(2026, 3, 15)));
  EXPECT_EQ(start("DTSTART;TZID=Europe/Paris:20260315T000000Z"),
            utc(ymd(2026, 3, 15), hours{0}, minutes{0}));
  EXPECT_EQ(start("DTSTART:20240229T235959 "),
            (IcsTime{ymd(2024, 2, 29), seconds{86399}, false, ""}));
}

TEST(ICalendarTest, ReadsDurations) {
  const auto duration = [](std::string_view value) {
    return read(calendar("UID:1\nDTSTART:20260101T100000\nDURATION:" + std::string(value)))[0]
        .duration;
  };
  EXPECT_EQ(duration("P1W"), seconds{7 * 86400});
  EXPECT_EQ(duration("P1D"), seconds{86400});
  EXPECT_EQ(duration("P1DT2H"), seconds{86400 + 7200});
  EXPECT_EQ(duration("PT90M"), seconds{5400});
  EXPECT_EQ(duration("PT1H30M0S"), seconds{5400});
  EXPECT_EQ(duration("+PT45S"), seconds{45});
  EXPECT_EQ(duration("P0DT0H30M0S"), seconds{1800});
  EXPECT_EQ(duration("PT0S"), seconds{0});
}

TEST(ICalendarTest, RejectsMalformedAndNegativeDurations) {
  for (const std::string_view bad : {"P", "PT", "1H", "PT1D", "P1H", "PT1M1H", "P1DT", "PT1.5H",
                                     "P1234567890D", "P-1D", "P1D2W"}) {
    EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101T100000\nDURATION:" + std::string(bad))),
              "6: bad DURATION '" + std::string(bad) + "' (expected e.g. PT1H30M, P1D or P1W)");
  }
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101T100000\nDURATION:-PT15M")),
            "6: event at line 3 has a negative DURATION '-PT15M'");
}

TEST(ICalendarTest, SkipsOtherComponentsAndUnknownProperties) {
  const std::vector<IcsEvent> events = read(R"(BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VTODO
UID:todo-1
DTSTART:20260101T090000Z
SUMMARY:a to-do
BEGIN:VALARM
TRIGGER:-PT15M
END:VALARM
END:VTODO
BEGIN:VJOURNAL
UID:journal-1
DTSTART:20260101
END:VJOURNAL
BEGIN:X-KITH-THING
BEGIN:VEVENT
UID:nested-in-unknown
DTSTART:20260101
END:VEVENT
END:X-KITH-THING
BEGIN:VEVENT
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
UID:the-event
ORGANIZER;CN="Org: Name":mailto:org@example.com
DTSTART:20260102T090000Z
BEGIN:VALARM
ACTION:DISPLAY
UID:alarm-uid
DTSTART:20300101T000000Z
SUMMARY:alarm summary
DESCRIPTION:alarm text
END:VALARM
SUMMARY:Real
END:VEVENT
END:VCALENDAR
)");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].uid, "the-event");
  EXPECT_EQ(events[0].summary, "Real");
  EXPECT_EQ(events[0].description, "");
  EXPECT_EQ(events[0].start, utc(ymd(2026, 1, 2), hours{9}, minutes{0}));
  EXPECT_EQ(events[0].line, 21u);
}

TEST(ICalendarTest, ReadsConcatenatedCalendarsAndBlankLines) {
  const std::string one = calendar("UID:1\nDTSTART:20260101");
  const std::vector<IcsEvent> events = read("\n" + one + "\n\n" + one + "  \n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].line, 4u);
  EXPECT_EQ(events[1].line, 13u);
}

TEST(ICalendarTest, KeepsTheFirstOfRepeatedTextPropertiesAndTurnsControlBytesIntoSpaces) {
  const std::vector<IcsEvent> events =
      read(calendar("UID:1\nDTSTART:20260101\nSUMMARY:first\nSUMMARY:second\n"
                    "DESCRIPTION:line\vbreak \x1B[31mred"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].summary, "first");
  EXPECT_EQ(events[0].description, "line break  [31mred");
}

TEST(ICalendarTest, DeliversEachEventBeforeReadingTheNext) {
  std::istringstream in(calendar("UID:1\nDTSTART:20260101\nEND:VEVENT\nBEGIN:VEVENT\nUID:2"));
  std::vector<std::string> uids;
  EXPECT_THROW(read_icalendar(in, [&](IcsEvent&& event) { uids.push_back(event.uid); }),
               ParseError);
  EXPECT_EQ(uids, std::vector<std::string>{"1"});
}

TEST(ICalendarTest, RejectsFilesThatAreNotCalendars) {
  EXPECT_EQ(error_of(""), "1: empty file, not an iCalendar");
  EXPECT_EQ(error_of("\xEF\xBB\xBF\r\n  \r\n"), "1: empty file, not an iCalendar");
  EXPECT_EQ(error_of("\nBEGIN:VCARD\nFN:Priya\nEND:VCARD\n"),
            "2: not an iCalendar file (the first line must be BEGIN:VCALENDAR)");
  EXPECT_EQ(error_of(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)),
            "1: not a text calendar (invalid UTF-8)");
  EXPECT_EQ(error_of(std::string("BEGIN:VCALENDAR\nVERSION:2.0\nX:\0\0", 32)),
            "3: not a text calendar (NUL byte)");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nSUMMARY:caf\xE9")),
            "6: not a text calendar (invalid UTF-8)");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nSUMMARY:\xED\xA0\x80")),
            "6: not a text calendar (invalid UTF-8)");
  EXPECT_EQ(error_of(std::string("\xFF\xFE"
                                 "B\0E\0",
                                 6)),
            "1: not a text calendar (UTF-16; save it as UTF-8)");
}

TEST(ICalendarTest, RejectsBrokenStructureWithTheLineToFix) {
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:20260101\n"),
            "4: VEVENT starting at line 2 is not terminated");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nVERSION:2.0"),
            "2: VCALENDAR starting at line 1 is not terminated");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nBEGIN:VALARM\nTRIGGER:-PT5M")),
            "8: VALARM starting at line 6 is not terminated");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nBEGIN:VEVENT\n"),
            "4: VEVENT starting at line 2 is not terminated");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n"),
            "4: VEVENT starting at line 2 is not terminated");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n"),
            "2: END:VEVENT without BEGIN:VEVENT");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n"),
            "3: END:VCALENDAR without BEGIN:VCALENDAR");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\n"),
            "3: BEGIN:VEVENT outside a calendar (expected BEGIN:VCALENDAR)");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nEND:VCALENDAR\nVERSION:2.0\n"),
            "3: unexpected 'VERSION:2.0' after END:VCALENDAR");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nBEGIN:\nEND:VCALENDAR\n"),
            "2: BEGIN without a component name");
  EXPECT_EQ(error_of("BEGIN:VCALENDAR\nBEGIN:VCALENDAR\n"),
            "2: VCALENDAR starting at line 1 is not terminated");
}

TEST(ICalendarTest, RejectsLinesThatAreNotProperties) {
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nDESCRIPTION:Join us for\npizza and talks")),
            "7: expected NAME:VALUE, found 'pizza and talks' (continuation lines must start with "
            "a space)");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nDESCRIPTION:Agenda\nRoom 4: talks")),
            "7: bad property name 'Room 4' (continuation lines must start with a space)");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART;TZID=\"Paris:20260101")),
            "5: expected NAME:VALUE, found 'DTSTART;TZID=\"Paris:20260101' (continuation lines "
            "must start with a space)");
  // Long lines are quoted in part, never cutting a character in two.
  EXPECT_EQ(error_of(calendar("UID:1\n" + std::string(39, 'a') + "\xC3\xA9 and more")),
            "5: expected NAME:VALUE, found '" + std::string(39, 'a') +
                "...' (continuation lines must start with a space)");
  EXPECT_EQ(error_of(calendar("UID:1\n:20260101")),
            "5: bad property name '' (continuation lines must start with a space)");
}

TEST(ICalendarTest, DeliversEventsWithoutUidButRejectsEventsWithoutStart) {
  // The importer derives a UID; a start it cannot make up.
  EXPECT_EQ(read(calendar("DTSTART:20260101\nSUMMARY:x"))[0].uid, "");
  EXPECT_EQ(read(calendar("UID:  \nDTSTART:20260101"))[0].uid, "");
  EXPECT_EQ(error_of(calendar("UID:1\nSUMMARY:x")), "6: event at line 3 has no DTSTART");
}

// Why kith keeps its own reader: libical's parser takes a line that is not a property (a
// description broken by a bad fold) as an X-LIC-ERROR property and reports nothing, and it
// knows no line numbers; kith's reader names the line to fix.
TEST(ICalendarTest, NamesTheBrokenLineLibicalsParserWouldHide) {
  const std::string text =
      calendar("UID:1\nDTSTART:20260101\nDESCRIPTION:Join us for\npizza and talks");
  icalcomponent* parsed = icalparser_parse_string(text.c_str());
  ASSERT_NE(parsed, nullptr);
  icalcomponent* event = icalcomponent_get_first_component(parsed, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_NE(icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY), nullptr);
  EXPECT_EQ(std::string(icalcomponent_get_uid(event)), "1");  // the event is kept, silently
  icalcomponent_free(parsed);
  EXPECT_EQ(error_of(text),
            "7: expected NAME:VALUE, found 'pizza and talks' (continuation lines must start with "
            "a space)");
}

// With a problem handler, every problem is heard and reading goes on without the bad events.
TEST(ICalendarTest, CollectsEveryProblemAndKeepsTheGoodEvents) {
  std::istringstream in(
      "BEGIN:VCALENDAR\nVERSION:2.0\n"
      "BEGIN:VEVENT\nUID:1\nDTSTART:20261301\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:2\nDTSTART:20260101\nbroken line\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:3\nDTSTART:20260102\nRDATE;VALUE=DATE:20260105,20260106\n"
      "EXDATE:20260102Z\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n"
      "BEGIN:VTIMEZONE\nTZID:Custom\\, Zone\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
      "TZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n"
      "BEGIN:VEVENT\nUID:4\nSUMMARY:no start\nEND:VEVENT\nEND:VCALENDAR\n");
  std::vector<std::string> uids;
  std::vector<std::string> problems;
  std::vector<IcsTimeZone> zones;
  std::vector<IcsEvent> events;
  read_icalendar(in, IcsHandlers{
                         [&](IcsEvent&& e) { events.push_back(std::move(e)); },
                         [&](IcsTimeZone&& z) { zones.push_back(std::move(z)); },
                         [&](const ParseError& e) {
                           problems.push_back(std::to_string(e.line()) + ": " + e.what());
                         },
                     });
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "5: bad DTSTART '20261301' (no such date)",
                          "10: expected NAME:VALUE, found 'broken line' (continuation lines must "
                          "start with a space)",
                          "30: event at line 27 has no DTSTART"}));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].uid, "3");
  EXPECT_EQ(events[0].rrule, "FREQ=WEEKLY");
  EXPECT_EQ(events[0].rrule_line, 17u);
  EXPECT_EQ(events[0].rdates,
            (std::vector<IcsTime>{all_day(ymd(2026, 1, 5)), all_day(ymd(2026, 1, 6))}));
  EXPECT_EQ(events[0].exdates, (std::vector<IcsTime>{all_day(ymd(2026, 1, 2))}));
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0].tzid, "Custom, Zone");
  EXPECT_EQ(zones[0].line, 19u);
  EXPECT_EQ(zones[0].text.substr(0, 17), "BEGIN:VTIMEZONE\r\n");
  EXPECT_EQ(zones[0].text.substr(zones[0].text.size() - 15), "END:VTIMEZONE\r\n");
}

TEST(ICalendarTest, RejectsBadDatesAndTimes) {
  const std::string shape = "(expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])";
  const auto start_error = [](std::string_view line) {
    return error_of(calendar("UID:1\n" + std::string(line)));
  };
  EXPECT_EQ(start_error("DTSTART:2026023"), "5: bad DTSTART '2026023' " + shape);
  EXPECT_EQ(start_error("DTSTART:2026-03-15"), "5: bad DTSTART '2026-03-15' " + shape);
  EXPECT_EQ(start_error("DTSTART:20260315T1430Z"), "5: bad DTSTART '20260315T1430Z' " + shape);
  EXPECT_EQ(start_error("DTSTART:2026031aT143000"), "5: bad DTSTART '2026031aT143000' " + shape);
  EXPECT_EQ(start_error("DTSTART:20260315 143000"), "5: bad DTSTART '20260315 143000' " + shape);
  EXPECT_EQ(start_error("DTSTART:"), "5: bad DTSTART '' " + shape);
  EXPECT_EQ(start_error("DTSTART:20260230"), "5: bad DTSTART '20260230' (no such date)");
  EXPECT_EQ(start_error("DTSTART:20250229T100000"),
            "5: bad DTSTART '20250229T100000' (no such date)");
  EXPECT_EQ(start_error("DTSTART:20260524T250000"),
            "5: bad DTSTART '20260524T250000' (no such time)");
  EXPECT_EQ(start_error("DTSTART:20260524T106000Z"),
            "5: bad DTSTART '20260524T106000Z' (no such time)");
  EXPECT_EQ(start_error("DTSTART;VALUE=DATE:20260524T100000"),
            "5: bad DTSTART '20260524T100000' (VALUE=DATE expects YYYYMMDD)");
  EXPECT_EQ(start_error("DTSTART:20260101\nDTEND:20261301"),
            "6: bad DTEND '20261301' (no such date)");
  EXPECT_EQ(start_error("DTSTART:20260101\nRECURRENCE-ID:x"), "6: bad RECURRENCE-ID 'x' " + shape);
}

TEST(ICalendarTest, RejectsContradictoryEvents) {
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nDTSTART:20260102")),
            "6: DTSTART appears twice in the event at line 3");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101T100000Z\nDTEND:20260101T110000Z\n"
                              "DURATION:PT1H")),
            "8: event at line 3 has both DTEND and DURATION (keep one)");
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101T100000Z\nDTEND:20260101T090000Z")),
            "7: event at line 3 ends before it starts (DTEND is before DTSTART)");
  // Different zones are compared only once resolved, which is not this reader's job.
  EXPECT_EQ(read(calendar("UID:1\nDTSTART;TZID=Asia/Tokyo:20260101T100000\n"
                          "DTEND:20260101T090000Z"))
                .size(),
            1u);
}

TEST(ICalendarTest, BoundsLineLengthEventSizeAndNesting) {
  const std::string huge(k_max_ics_line_bytes + 1, 'x');
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\nDESCRIPTION:" + huge)),
            "6: line longer than 1 MiB");

  std::string folded = "DESCRIPTION:";
  for (std::size_t i = 0; i < k_max_ics_line_bytes / 74 + 1; ++i) {
    folded += "\n " + std::string(74, 'y');
  }
  EXPECT_EQ(error_of(calendar("UID:1\nDTSTART:20260101\n" + folded)), "6: line longer than 1 MiB");

  std::string big_event = "UID:1\nDTSTART:20260101";
  for (int i = 0; i < 5; ++i) big_event += "\nX-PAD:" + std::string(1000000, 'z');
  EXPECT_EQ(error_of(calendar(big_event)), "10: event at line 3 is larger than 4 MiB");

  std::string deep = "BEGIN:VCALENDAR\n";
  for (int i = 0; i < 100; ++i) deep += "BEGIN:X-DEEP\n";
  EXPECT_EQ(error_of(deep), "65: components nested more than 64 deep");
}

TEST(ICalendarTest, ReadsALongFoldedDescriptionUpToTheLimit) {
  std::string folded = "DESCRIPTION:";
  const std::size_t folds = (k_max_ics_line_bytes - 100) / 74;
  for (std::size_t i = 0; i < folds; ++i) folded += "\n " + std::string(74, 'y');
  const std::vector<IcsEvent> events = read(calendar("UID:1\nDTSTART:20260101\n" + folded));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].description.size(), folds * 74);
}

}  // namespace
}  // namespace kith::formats
