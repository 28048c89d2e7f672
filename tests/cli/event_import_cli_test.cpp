// `kith event import`: a saved Meetup feed and a Google Calendar export, upserted by UID,
// all or nothing, with local times that survive a daylight-saving change.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

const std::string k_meetup_feed = std::string(KITH_TEST_DATA_DIR) + "/meetup-rust-nyc.ics";
const std::string k_data = std::string(KITH_TEST_DATA_DIR) + "/";

class EventImportTest : public CliTest {
 protected:
  static std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string write(const std::string& name, const std::string& text) {
    auto path = (m_dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(EventImportTest, ImportsAMeetupFeedKeepingLocalTimesAcrossDaylightSaving) {
  m_today = "2026-10-20";
  m_env["TZ"] = "Europe/Berlin";
  Outcome run = kith({"event", "import", k_meetup_feed, "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported: 2 added, 0 updated, 0 unchanged\n");
  auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["added"], 2);
  EXPECT_EQ(report["events"][0]["action"], "added");
  EXPECT_EQ(report["events"][0]["uid"].get<std::string>().size(), 36u);
  EXPECT_EQ(
      ok({"event", "list"}),
      "ID  WHEN                                   EVENT                          WHERE        "
      "                                 STATUS   MET\n"
      " 1  Thu 2026-10-29 19:00 America/New_York  Rust NYC: Async in practice    Datadog (620 "
      "8th Ave, New York, NY)           planned    0\n"
      " 2  Thu 2026-11-05 19:00 America/New_York  Rust NYC: Embedded Rust night  Spotify (4 "
      "World Trade Center, New York, NY)  planned    0\n");
  auto j = nlohmann::json::parse(ok({"event", "show", "async", "--json"}));
  EXPECT_EQ(j["ics_uid"], "event_301@meetup.com");
  EXPECT_EQ(j["ends_at"], "21:00");
  EXPECT_EQ(j["url"], "https://www.meetup.com/rust-nyc/events/301/");
  EXPECT_EQ(j["description"],
            "Rust NYC\nThursday, October 29 at 7:00 PM\n\nTalks on async Rust and a café social "
            "afterwards. Bring questions; we have pizza.\n\nhttps://www.meetup.com/rust-nyc/"
            "events/301/");
}

TEST_F(EventImportTest, ReimportingChangesNothingAndAnEditedEventIsUpdated) {
  ok({"event", "import", k_meetup_feed});
  ok({"event", "attend", "async"});
  std::string before = journal_bytes();
  Outcome again = kith({"event", "import", k_meetup_feed});
  EXPECT_EQ(again.err, "kith: imported: 0 added, 0 updated, 2 unchanged\n");
  std::ifstream in(k_meetup_feed, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string feed = text.str();
  auto at = feed.find("Embedded Rust night");
  feed.replace(at, 19, "Embedded Rust & RTIC");
  Outcome edited = kith({"event", "import", write("edited.ics", feed)});
  EXPECT_EQ(edited.err, "kith: imported: 0 added, 1 updated, 1 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["status"], "attended");  // the user's own status survives a re-import
  EXPECT_EQ(list[1]["name"], "Rust NYC: Embedded Rust & RTIC");
}

TEST_F(EventImportTest, CancelledEventsAreSkippedOrMarkedSkipped) {
  ok({"event", "import", k_meetup_feed});
  std::ifstream in(k_meetup_feed, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string feed = text.str();
  feed.replace(feed.find("STATUS:CONFIRMED"), 16, "STATUS:CANCELLED");
  std::string extra =
      "BEGIN:VEVENT\r\nDTSTAMP:20261020T120000Z\r\nDTSTART;TZID=America/"
      "New_York:20261112T190000\r\n"
      "STATUS:CANCELLED\r\nSUMMARY:Cancelled talk\r\nUID:event_303@meetup.com\r\nEND:VEVENT\r\n";
  feed.insert(feed.find("END:VCALENDAR"), extra);
  Outcome run = kith({"event", "import", write("cancelled.ics", feed)});
  EXPECT_EQ(run.err, "kith: imported: 0 added, 1 updated, 1 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["status"], "skipped");
  EXPECT_EQ(list[1]["status"], "planned");
}

TEST_F(EventImportTest, TopLevelImportDetectsICalendarByNameOrContent) {
  std::ifstream in(k_meetup_feed, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string renamed = write("feed.txt", text.str());
  Outcome by_content = kith({"import", renamed});
  EXPECT_EQ(by_content.code, 0) << by_content.err;
  EXPECT_EQ(by_content.err, "kith: imported: 2 added, 0 updated, 0 unchanged\n");
  Outcome by_name = kith({"import", k_meetup_feed});
  EXPECT_EQ(by_name.err, "kith: imported: 0 added, 0 updated, 2 unchanged\n");
  Outcome from_stdin = kith({"import", "-"}, text.str());
  EXPECT_EQ(from_stdin.code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.err, "kith: imported: 0 added, 0 updated, 2 unchanged\n");
  EXPECT_EQ(kith({"import", "-", "--format", "ics"}, text.str()).code, 0);
}

TEST_F(EventImportTest, DryRunReportsAndWritesNothing) {
  Outcome run = kith({"event", "import", k_meetup_feed, "--dry-run"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out,
            "added  Thu 2026-10-29 19:00 America/New_York  Rust NYC: Async in practice\n"
            "added  Thu 2026-11-05 19:00 America/New_York  Rust NYC: Embedded Rust night\n");
  EXPECT_EQ(run.err,
            "kith: would import: 2 added, 0 updated, 0 unchanged (dry run: nothing was written)\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(EventImportTest, GoogleExportWithUtcAndAllDayEventsFromStandardInput) {
  m_env["TZ"] = "Europe/Berlin";
  std::string feed =
      "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\n"
      "BEGIN:VEVENT\nDTSTART:20261203T173000Z\nDTEND:20261203T200000Z\nDTSTAMP:20261101T000000Z\n"
      "UID:abc123@google.com\nSUMMARY:Career fair\nLOCATION:Messe Berlin\nEND:VEVENT\n"
      "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\n"
      "DTSTAMP:20261101T000000Z\nUID:def456@google.com\nSUMMARY:RustConf\nEND:VEVENT\n"
      "END:VCALENDAR\n";
  Outcome run = kith({"event", "import", "-"}, feed);
  EXPECT_EQ(run.code, 0) << run.err;
  auto list = nlohmann::json::parse(ok({"event", "list", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["starts_at"], "18:30");  // 17:30 UTC on Berlin's wall clock
  EXPECT_EQ(list[0]["ends_at"], "21:00");
  EXPECT_EQ(list[0]["time_zone"], "Europe/Berlin");
  EXPECT_EQ(list[1]["starts_at"], nullptr);
  EXPECT_EQ(list[1]["starts_on"], "2026-12-10");
  EXPECT_EQ(list[1]["ends_on"], "2026-12-11");
}

TEST_F(EventImportTest, MalformedCalendarsChangeNothing) {
  ok({"event", "import", k_meetup_feed});
  std::string before = journal_bytes();
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"", "1: empty file, not an iCalendar"},
      {"BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\n",
       "5: VEVENT starting at line 3 is not terminated"},
      {"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260230\nEND:VEVENT\nEND:VCALENDAR\n",
       "4: bad DTSTART '20260230' (no such date)"},
      {std::string("BEGIN:VCALENDAR\n\x00\x01\x02\xff junk", 26), "2: not a text calendar"},
      {"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:y\nDTSTART;TZID=Mars/Olympus:20261201T100000\n"
       "END:VEVENT\nEND:VCALENDAR\n",
       "2: unknown time zone 'Mars/Olympus' (not in the time-zone database, not a Windows zone, "
       "and no VTIMEZONE in the file defines it)"},
  };
  for (const auto& c : cases) {
    std::string path = write("bad.ics", c.text);
    Outcome run = kith({"event", "import", path});
    EXPECT_EQ(run.code, 65) << c.text;
    EXPECT_EQ(run.err.rfind("kith: error: " + path + ":" + c.error, 0), 0u) << run.err;
    // The problem, then the count.
    EXPECT_NE(run.err.find("\nkith: error: nothing was imported: 1 problem in " + path + "\n"),
              std::string::npos)
        << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 2) << run.err;
    EXPECT_EQ(journal_bytes(), before);
  }
  Outcome missing = kith({"event", "import", (m_dir / "nope.ics").string()});
  EXPECT_EQ(missing.code, 66);
}

TEST_F(EventImportTest, EveryProblemIsNamedByLineThenCounted) {
  const std::string path =
      write("broken.ics",
            "BEGIN:VCALENDAR\nVERSION:2.0\n"
            "BEGIN:VEVENT\nUID:a\nDTSTART:20261301T100000Z\nEND:VEVENT\n"                // 5
            "BEGIN:VEVENT\nUID:b\nSUMMARY:no start\nEND:VEVENT\n"                        // 10
            "BEGIN:VEVENT\nUID:c\nDTSTART:20261201\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\n"  // 15
            "BEGIN:VEVENT\nUID:d\nDTSTART;TZID=Mars/Olympus:20261201T100000\nEND:VEVENT\n"
            "this is not a property\n"
            "BEGIN:VEVENT\nUID:e\nDTSTART:20261202\nSUMMARY:fine\nEND:VEVENT\n"
            "END:VCALENDAR\n");
  Outcome run = kith({"event", "import", path});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err,
            "kith: error: " + path +
                ":5: bad DTSTART '20261301T100000Z' (no such date)\n"
                "kith: error: " +
                path + ":10: event at line 7 has no DTSTART\n" + "kith: error: " + path +
                ":14: bad RRULE 'FREQ=SOMETIMES' (expected e.g. FREQ=WEEKLY;BYDAY=TU or "
                "FREQ=DAILY;COUNT=10)\n"
                "kith: error: " +
                path +
                ":16: unknown time zone 'Mars/Olympus' (not in the time-zone database, not a "
                "Windows zone, and no VTIMEZONE in the file defines it)\n"
                "kith: error: " +
                path +
                ":20: expected NAME:VALUE, found 'this is not a property' (continuation lines "
                "must start with a space)\n"
                "kith: error: nothing was imported: 5 problems in " +
                path + "\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(EventImportTest, OutlookWindowsZoneNamesMapToIanaZones) {
  Outcome run = kith({"event", "import", k_data + "outlook-windows-zones.ics"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported: 2 added, 0 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["starts_on"], "2027-03-12");
  EXPECT_EQ(list[0]["starts_at"], "09:00");
  EXPECT_EQ(list[0]["ends_at"], "10:00");
  EXPECT_EQ(list[0]["time_zone"], "Asia/Shanghai");
  EXPECT_EQ(list[1]["starts_at"], "18:30");
  EXPECT_EQ(list[1]["time_zone"], "America/New_York");
  EXPECT_EQ(kith({"event", "import", k_data + "outlook-windows-zones.ics"}).err,
            "kith: imported: 0 added, 0 updated, 2 unchanged\n");
}

TEST_F(EventImportTest, VendorPrefixedZoneNamesAreFoundBehindThePrefix) {
  Outcome run = kith({"event", "import", k_data + "evolution-prefixed-zones.ics"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported: 3 added, 0 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["time_zone"], "Europe/Berlin");
  EXPECT_EQ(list[1]["time_zone"], "America/New_York");
  EXPECT_EQ(list[2]["time_zone"], "America/Argentina/Buenos_Aires");
  EXPECT_EQ(list[2]["starts_at"], "20:00");
}

TEST_F(EventImportTest, ZonesOnlyTheFilesVtimezoneDefinesAreMatchedByTheirRules) {
  m_env["TZ"] = "Europe/Berlin";
  const std::string file = k_data + "vtimezone-defined-zones.ics";
  Outcome run = kith({"event", "import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: warning: " + file +
                         ":35: TZID 'UTC+11' (VTIMEZONE at line 4) is the fixed offset +11:00, "
                         "Etc/GMT-11\n"
                         "kith: warning: " +
                         file +
                         ":41: TZID 'Екатеринбург' (VTIMEZONE at line 12) follows the rules of "
                         "Asia/Yekaterinburg\n"
                         "kith: warning: " +
                         file +
                         ":46: TZID 'Nowhere/Middle' (VTIMEZONE at line 27) matches no known "
                         "zone; its offset then, -07:41, is kept and the time shown in your "
                         "zone\n"
                         "kith: imported: 3 added, 0 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["name"], "Ural IT meetup");
  EXPECT_EQ(list[0]["starts_at"], "15:00");
  EXPECT_EQ(list[0]["time_zone"], "Asia/Yekaterinburg");
  EXPECT_EQ(list[1]["starts_at"], "23:00");
  EXPECT_EQ(list[1]["time_zone"], "Etc/GMT-11");
  // 13:42 at -07:41 is 21:23 UTC, 22:23 in Berlin.
  EXPECT_EQ(list[2]["starts_at"], "22:23");
  EXPECT_EQ(list[2]["time_zone"], "Europe/Berlin");
  Outcome again = kith({"event", "import", file});
  EXPECT_NE(again.err.find("kith: imported: 0 added, 0 updated, 3 unchanged\n"), std::string::npos)
      << again.err;
}

TEST_F(EventImportTest, ADailyRuleWithACountGivesExactlyThatManyEvents) {
  m_today = "2025-01-01";
  const std::string path = write("daily.ics",
                                 "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\n"
                                 "UID:standup@example.org\nSUMMARY:Standup\n"
                                 "DTSTART;TZID=Europe/Berlin:20250101T093000\n"
                                 "RRULE:FREQ=DAILY;COUNT=10\nEND:VEVENT\nEND:VCALENDAR\n");
  EXPECT_EQ(kith({"event", "import", path}).err,
            "kith: imported: 10 added, 0 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 10u);
  EXPECT_EQ(list[0]["starts_on"], "2025-01-01");
  EXPECT_EQ(list[9]["starts_on"], "2025-01-10");
  EXPECT_EQ(list[9]["starts_at"], "09:30");
  EXPECT_EQ(list[9]["ics_uid"], "standup@example.org#2025-01-10T34200");
  EXPECT_EQ(kith({"event", "import", path}).err,
            "kith: imported: 0 added, 0 updated, 10 unchanged\n");
}

TEST_F(EventImportTest, RepeatingEventsBecomeOneEventPerOccurrenceInTheWindow) {
  m_today = "2025-01-01";
  const std::string file = k_data + "meetup-recurring.ics";
  // Every second Tuesday to 1 April (UNTIL in UTC, 19:00 in Berlin), less 18 February, plus
  // Wednesday 26 February; 4 March moved to Wednesday 18:30 and 21 January cancelled.
  EXPECT_EQ(kith({"event", "import", file}).err,
            "kith: imported: 6 added, 0 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 6u);
  std::vector<std::string> starts;
  for (const auto& e : list) {
    starts.push_back(e["starts_on"].get<std::string>() + " " + e["starts_at"].get<std::string>());
  }
  EXPECT_EQ(starts,
            (std::vector<std::string>{"2025-01-07 19:00", "2025-02-04 19:00", "2025-02-26 19:00",
                                      "2025-03-05 18:30", "2025-03-18 19:00", "2025-04-01 19:00"}));
  EXPECT_EQ(list[3]["name"], "Berlin Rust: hack and learn (on Wednesday)");
  EXPECT_EQ(list[0]["ends_at"], "21:30");
  EXPECT_EQ(kith({"event", "import", file}).err,
            "kith: imported: 0 added, 0 updated, 6 unchanged\n");

  // The organiser cancels 18 March with an EXDATE: that occurrence becomes skipped.
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string feed = text.str();
  feed.replace(feed.find("20250218T190000"), 15, "20250218T190000,20250318T190000");
  EXPECT_EQ(kith({"event", "import", write("cancelled.ics", feed)}).err,
            "kith: imported: 0 added, 1 updated, 5 unchanged\n");
  list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  EXPECT_EQ(list[4]["starts_on"], "2025-03-18");
  EXPECT_EQ(list[4]["status"], "skipped");

  // A narrower window imports fewer; the rest stay as they were.
  const std::string config = write("config.toml", "[import]\nrecurrence_future = \"30d\"\n");
  m_env["KITH_CONFIG"] = config;
  const std::string db = m_db;
  m_db = (m_dir / "narrow.db").string();
  EXPECT_EQ(kith({"event", "import", file}).err,
            "kith: imported: 1 added, 0 updated, 0 unchanged\n");
  m_db = db;
}

// kith 0.1 imported the first occurrence of a repeating event under its bare UID: the next
// import re-keys that event rather than adding the occurrence twice.
TEST_F(EventImportTest, TheFirstOccurrenceImportedBeforeExpansionIsKeptNotDuplicated) {
  m_today = "2025-01-01";
  const std::string once = write("once.ics",
                                 "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\n"
                                 "UID:weekly@example.org\nSUMMARY:Weekly\n"
                                 "DTSTART;VALUE=DATE:20250106\nEND:VEVENT\nEND:VCALENDAR\n");
  ok({"event", "import", once});
  ok({"event", "attend", "weekly"});
  std::string feed = read_file(once);
  feed.insert(feed.find("END:VEVENT"), "RRULE:FREQ=WEEKLY;COUNT=3\n");
  EXPECT_EQ(kith({"event", "import", write("weekly.ics", feed)}).err,
            "kith: imported: 2 added, 1 updated, 0 unchanged\n");
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["ics_uid"], "weekly@example.org#2025-01-06");
  EXPECT_EQ(list[0]["status"], "attended");
  EXPECT_EQ(kith({"event", "import", write("weekly.ics", feed)}).err,
            "kith: imported: 0 added, 0 updated, 3 unchanged\n");
}

TEST_F(EventImportTest, EventsWithoutUidGetAStableOneAndOneWarning) {
  const std::string path =
      write("no-uid.ics",
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
            "BEGIN:VEVENT\nDTSTART:20270110T180000Z\nSUMMARY:Founders dinner\nEND:VEVENT\n"
            "BEGIN:VEVENT\nDTSTART:20270111T180000Z\nSUMMARY:Demo day\nLOCATION:Hall 2\n"
            "END:VEVENT\nEND:VCALENDAR\n");
  Outcome first = kith({"event", "import", path});
  EXPECT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.err, "kith: warning: " + path +
                           ":4: an event has no UID; kith matches it by its start, summary and "
                           "location instead (so do any others without one)\n"
                           "kith: imported: 2 added, 0 updated, 0 unchanged\n");
  Outcome second = kith({"event", "import", path});
  EXPECT_NE(second.err.find("kith: imported: 0 added, 0 updated, 2 unchanged\n"), std::string::npos)
      << second.err;
  auto list = nlohmann::json::parse(ok({"event", "list", "--all", "--json"}));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["ics_uid"].get<std::string>().rfind("kith-derived-", 0), 0u);
  EXPECT_NE(list[0]["ics_uid"], list[1]["ics_uid"]);
}

TEST_F(EventImportTest, ThreePeopleMetAtAnImportedMeetupAreDueTheNextMorning) {
  m_today = "2026-10-29";
  ok({"event", "import", k_meetup_feed});
  ok({"add", "Ada Lovelace"});
  ok({"add", "Grace Hopper"});
  ok({"add", "Ken Thompson", "--note", "maintains tokio"});
  ok({"event", "met", "async", "ada", "grace", "ken"});
  m_today = "2026-10-30";
  std::string due = ok({"due"});
  EXPECT_NE(due.find("Today (3)"), std::string::npos) << due;
  EXPECT_EQ(ok({"event", "debrief", "async"}),
            "To do after Rust NYC: Async in practice\n"
            "  Ada Lovelace (#1): add notes (kith contact edit 1 --note ...)\n"
            "  Grace Hopper (#2): add notes (kith contact edit 2 --note ...)\n");
}

}  // namespace

}  // namespace kith::testing
