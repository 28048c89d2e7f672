// Events as a user drives them: plan, attend, record people met (with the playbook's
// follow-ups), debrief, and see it all in due, show and timeline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class EventCliTest : public CliTest {
 protected:
  void meetup_with_three_people() {
    m_today = "2026-11-24";  // a Tuesday
    ok({"event", "add", "Rust Berlin meetup", "--on", "today", "--at", "19:00", "--where",
        "Mozilla Berlin", "--tag", "rust"});
    ok({"add", "Ada Lovelace"});
    ok({"add", "Grace Hopper", "--note", "runs the compiler team"});
    ok({"add", "Ken Thompson"});
  }
};

TEST_F(EventCliTest, AddAndListUpcomingEvents) {
  Outcome run = kith(
      {"event", "add", "PyData London", "--on", "dec 3", "--at", "18:30", "--where", "Bloomberg"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: added event PyData London (#1) on Thu 2026-12-03 18:30\n");
  ok({"event", "add", "Old meetup", "--on", "last mon"});
  EXPECT_EQ(ok({"event", "list"}),
            "ID  WHEN                  EVENT          WHERE      STATUS   MET\n"
            " 1  Thu 2026-12-03 18:30  PyData London  Bloomberg  planned    0\n");
  EXPECT_EQ(ok({"event", "list", "--past"}),
            "ID  WHEN            EVENT       WHERE  STATUS   MET\n"
            " 2  Mon 2026-11-23  Old meetup         planned    0\n");
}

TEST_F(EventCliTest, BadTimeIsRejected) {
  Outcome run = kith({"event", "add", "X", "--on", "fri", "--at", "25:00"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err, "kith: error: invalid time '25:00'; use HH:MM, e.g. 19:00\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(EventCliTest, PeopleMetGetFollowUpsDueTheNextWorkingDay) {
  meetup_with_three_people();
  Outcome run = kith({"event", "met", "rust", "ada", "grace", "ken"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err,
            "kith: marked Rust Berlin meetup as attended\n"
            "kith: met Ada Lovelace at Rust Berlin meetup\n"
            "kith: met Grace Hopper at Rust Berlin meetup\n"
            "kith: met Ken Thompson at Rust Berlin meetup\n"
            "kith: created follow-up 1 for Ada Lovelace, due Wed 2026-11-25\n"
            "kith: created follow-up 2 for Grace Hopper, due Wed 2026-11-25\n"
            "kith: created follow-up 3 for Ken Thompson, due Wed 2026-11-25\n");
  m_today = "2026-11-25";  // the next morning
  EXPECT_EQ(
      ok({"due"}),
      "Today (3)\n"
      "  Ada Lovelace  follow-up 1: follow up after Rust Berlin meetup (within 48 hours) (due "
      "today)\n"
      "                last: no conversation yet\n"
      "  Grace Hopper  follow-up 2: follow up after Rust Berlin meetup (within 48 hours) (due "
      "today)\n"
      "                last: no conversation yet\n"
      "  Ken Thompson  follow-up 3: follow up after Rust Berlin meetup (within 48 hours) (due "
      "today)\n"
      "                last: no conversation yet\n");
  // Recording the same person again changes nothing.
  Outcome again = kith({"event", "met", "rust", "ada"});
  EXPECT_EQ(again.err, "kith: Ada Lovelace was already recorded at Rust Berlin meetup\n");
}

TEST_F(EventCliTest, DebriefListsWhoNeedsNotesOrAFollowUp) {
  meetup_with_three_people();
  ok({"event", "met", "rust", "ada", "grace"});
  ok({"event", "met", "rust", "ken", "--no-follow-up"});
  EXPECT_EQ(ok({"event", "debrief", "rust"}),
            "To do after Rust Berlin meetup\n"
            "  Ada Lovelace (#1): add notes (kith contact edit 1 --note ...)\n"
            "  Ken Thompson (#3): add notes (kith contact edit 3 --note ...); plan a follow-up "
            "(kith fu add 3 tomorrow --event 1)\n");
  ok({"log", "ada", "-m", "talked about Rust jobs", "--event", "rust", "--no-follow-up"});
  EXPECT_EQ(ok({"event", "debrief", "rust"}).find("Ada"), std::string::npos);
  // Following the debrief's advice takes Ken off the list.
  ok({"contact", "edit", "3", "--note", "writes Go now"});
  ok({"fu", "add", "3", "tomorrow", "--event", "1"});
  EXPECT_EQ(ok({"event", "debrief", "rust"}), "");
}

TEST_F(EventCliTest, ShowListsPeopleMetWithTheirFollowUps) {
  meetup_with_three_people();
  ok({"event", "met", "rust", "ada", "grace"});
  ok({"fu", "done", "1"});
  m_today = "2026-11-26";
  EXPECT_EQ(ok({"event", "show", "rust"}),
            "Rust Berlin meetup #1\n"
            "  when    Tue 2026-11-24 19:00 (2 days ago)\n"
            "  where   Mozilla Berlin\n"
            "  tags    rust\n"
            "  status  attended\n"
            "people met (2)\n"
            "1  Ada Lovelace  follow-up 1 done 2026-11-24\n"
            "2  Grace Hopper  follow-up 2 1 day late\n");
}

TEST_F(EventCliTest, MetAtOnAddAndTimelineSayWhereYouMet) {
  meetup_with_three_people();
  Outcome run = kith({"add", "Barbara Liskov", "--met-at", "rust berlin"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err,
            "kith: added Barbara Liskov (#4)\n"
            "kith: marked Rust Berlin meetup as attended\n"
            "kith: met Barbara Liskov at Rust Berlin meetup\n"
            "kith: created follow-up 1 for Barbara Liskov, due Wed 2026-11-25\n");
  std::string show = ok({"show", "barbara"});
  EXPECT_NE(show.find("  met at         Rust Berlin meetup (2026-11-24)\n"), std::string::npos)
      << show;
  EXPECT_EQ(ok({"timeline", "barbara"}),
            "Barbara Liskov #4\n"
            "  2026-11-24  added to the journal\n"
            "  2026-11-24  met at Rust Berlin meetup\n"
            "  2026-11-25  follow-up 1: follow up after Rust Berlin meetup (within 48 hours) (due "
            "tomorrow)\n");
}

TEST_F(EventCliTest, MetAtAnUnknownEventAddsNobody) {
  meetup_with_three_people();
  std::string before = journal_bytes();
  Outcome run = kith({"add", "Barbara Liskov", "--met-at", "pycon"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: no event matches 'pycon'; see kith event list --all\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(EventCliTest, PlannedEventsShowInDueWithin) {
  ok({"event", "add", "Women in Tech drinks", "--on", "tomorrow", "--at", "18:00", "--where",
      "The Hub"});
  EXPECT_EQ(ok({"due"}), "");
  EXPECT_EQ(ok({"due", "--within", "2d"}),
            "Coming up until Sat 2026-11-28 (1)\n"
            "  event  Women in Tech drinks, tomorrow 18:00 at The Hub\n");
  ok({"event", "attend", "women", "--status", "skipped"});
  EXPECT_EQ(ok({"due", "--within", "2d"}), "");
}

TEST_F(EventCliTest, BlankNamesAndEmptyEditsAreRefused) {
  Outcome blank = kith({"event", "add", "  ", "--on", "fri"});
  EXPECT_EQ(blank.code, 65);
  EXPECT_EQ(blank.err, "kith: error: an event needs a name that is not blank\n");
  ok({"event", "add", "PyData", "--on", "dec 3"});
  Outcome nothing = kith({"event", "edit", "pydata"});
  EXPECT_EQ(nothing.code, 64);
  EXPECT_EQ(nothing.err, "kith: error: nothing to change; see kith event edit --help\n");
}

TEST_F(EventCliTest, EditAndRemoveAnEvent) {
  ok({"event", "add", "PyData", "--on", "dec 3"});
  ok({"event", "edit", "pydata", "--name", "PyData London", "--at", "18:30", "--tag", "python"});
  auto j = nlohmann::json::parse(ok({"event", "show", "pydata", "--json"}));
  EXPECT_EQ(j["name"], "PyData London");
  EXPECT_EQ(j["starts_at"], "18:30");
  EXPECT_EQ(j["tags"], nlohmann::json::array({"python"}));
  EXPECT_EQ(kith({"event", "rm", "pydata"}).code, 64);
  EXPECT_EQ(kith({"event", "rm", "pydata", "--yes"}).code, 0);
  EXPECT_EQ(kith({"event", "show", "pydata"}).code, 66);
}

}  // namespace

}  // namespace kith::testing
