// `kith stale` and `kith report` on a scripted November with pinned dates: the exact text a
// cron mail would carry, the JSON a script reads, and numbers checked against a hand count.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

using nlohmann::json;

class ReportCliTest : public CliTest {
 protected:
  // Runs a command as it would run on `day`.
  void on(const std::string& day, std::vector<std::string> args) {
    m_today = day;
    ok(std::move(args));
  }

  void log(const std::string& day, std::vector<std::string> people, const std::string& summary,
           const std::string& channel) {
    std::vector<std::string> args = {"log"};
    args.insert(args.end(), people.begin(), people.end());
    args.insert(args.end(), {"-m", summary, "--channel", channel, "--no-follow-up"});
    on(day, args);
  }

  void goals(const std::string& text) {
    std::ofstream(m_dir / "config.toml") << text;
    m_env["KITH_CONFIG"] = (m_dir / "config.toml").string();
  }

  // Contacts 1-3 long ago; 4-9 and follow-ups 1-4 in November 2026. This week runs from
  // Monday 23 to today, Thursday 26.
  void build_november() {
    on("2026-01-01", {"add", "Linus Pauling"});
    on("2026-01-05", {"add", "Old Friend"});
    on("2026-03-01", {"add", "Ken Thompson"});
    log("2026-08-01", {"linus"}, "catch-up on his lab", "call");
    on("2026-11-03", {"add", "Fred Brooks", "--every", "2w"});
    on("2026-11-03", {"follow-up", "add", "fred", "2026-11-20", "send the slides"});
    on("2026-11-09", {"add", "Bea Arthur"});
    on("2026-11-09", {"add", "Carl Sagan"});
    on("2026-11-09", {"follow-up", "add", "bea", "2026-11-20", "ask about the team"});
    on("2026-11-09", {"follow-up", "add", "carl", "2026-11-23", "book a call"});
    log("2026-11-10", {"bea"}, "coffee near her office", "coffee");
    log("2026-11-12", {"carl"}, "coffee about telescopes", "coffee");
    on("2026-11-16", {"add", "Dana Scully"});
    on("2026-11-16", {"follow-up", "add", "dana", "2026-11-27", "send the paper"});
    log("2026-11-17", {"dana"}, "coffee after the talk", "coffee");
    on("2026-11-18", {"add", "Emmy Noether"});
    log("2026-11-19", {"emmy"}, "coffee on algebra", "coffee");
    on("2026-11-20", {"event", "add", "Rust London", "--on", "2026-11-24"});
    on("2026-11-20", {"event", "add", "Planned meetup", "--on", "2026-11-25"});
    log("2026-11-23", {"emmy"}, "sent her the notes", "email");
    on("2026-11-23", {"follow-up", "done", "3"});  // Carl's, on the day it was due
    on("2026-11-24", {"add", "Ada Lovelace"});
    log("2026-11-24", {"ada"}, "coffee before the meetup", "coffee");
    on("2026-11-24", {"event", "met", "rust london", "ada", "dana", "--no-follow-up"});
    on("2026-11-24", {"follow-up", "done", "2"});  // Bea's, four days late
    log("2026-11-25", {"bea", "dana"}, "call with both", "call");
    on("2026-11-25", {"follow-up", "done", "4"});  // Dana's, two days early
    on("2026-11-26", {"contact", "archive", "old friend"});
    m_today = "2026-11-26";
  }
};

TEST_F(ReportCliTest, StaleListsTheLongestSilentFirst) {
  build_november();
  EXPECT_EQ(ok({"stale"}),
            "ID  NAME             SILENT  LAST CONVERSATION         KEEP IN TOUCH\n"
            " 3  Ken Thompson   270 days  never (added 2026-03-01)\n"
            " 1  Linus Pauling  117 days  2026-08-01 call\n"
            " 4  Fred Brooks     23 days  never (added 2026-11-03)  every 2w, 9 days late\n");
}

TEST_F(ReportCliTest, StaleOptions) {
  build_november();
  EXPECT_EQ(ok({"stale", "--days", "117", "--plain", "--header"}),
            "ID\tNAME\tSINCE\tDAYS\tCHANNEL\tEVERY\tDUE\n"
            "3\tKen Thompson\t2026-03-01\t270\t\t\t\n"
            "1\tLinus Pauling\t2026-08-01\t117\tcall\t\t\n"
            "4\tFred Brooks\t2026-11-03\t23\t\t2w\t2026-11-17\n");
  EXPECT_EQ(ok({"stale", "--days", "271", "--plain"}),
            "4\tFred Brooks\t2026-11-03\t23\t\t2w\t2026-11-17\n");
  EXPECT_EQ(ok({"stale", "-n", "1"}),
            "ID  NAME            SILENT  LAST CONVERSATION         KEEP IN TOUCH\n"
            " 3  Ken Thompson  270 days  never (added 2026-03-01)\n"
            "showing 1 of 3; raise --limit to see more\n");
  on("2026-11-26", {"contact", "edit", "linus", "--tag", "chem"});
  EXPECT_EQ(ok({"stale", "--tag", "chem", "--plain"}),
            "1\tLinus Pauling\t2026-08-01\t117\tcall\t\t\n");
  // A tag is read as contact list reads it: case and spaces folded, a comma refused.
  EXPECT_EQ(ok({"stale", "--tag", " CHEM ", "--plain"}),
            "1\tLinus Pauling\t2026-08-01\t117\tcall\t\t\n");
  auto bad = kith({"stale", "--tag", "a,b"});
  EXPECT_EQ(bad.code, 65);
  EXPECT_EQ(bad.err, "kith: error: 'a,b' is not a tag (tags are not blank and have no comma)\n");
}

TEST_F(ReportCliTest, StaleJson) {
  build_november();
  EXPECT_EQ(ok({"stale", "--json", "--days", "100"}), R"({
  "today": "2026-11-26",
  "days": 100,
  "total": 3,
  "contacts": [
    {
      "contact": {
        "id": 3,
        "name": "Ken Thompson"
      },
      "silent_since": "2026-03-01",
      "days_silent": 270,
      "last_conversation": null,
      "every": null,
      "cadence_due_on": null,
      "past_cadence": false
    },
    {
      "contact": {
        "id": 1,
        "name": "Linus Pauling"
      },
      "silent_since": "2026-08-01",
      "days_silent": 117,
      "last_conversation": {
        "id": 1,
        "on": "2026-08-01",
        "channel": "call",
        "summary": "catch-up on his lab"
      },
      "every": null,
      "cadence_due_on": null,
      "past_cadence": false
    },
    {
      "contact": {
        "id": 4,
        "name": "Fred Brooks"
      },
      "silent_since": "2026-11-03",
      "days_silent": 23,
      "last_conversation": null,
      "every": "2w",
      "cadence_due_on": "2026-11-17",
      "past_cadence": true
    }
  ]
}
)");
}

TEST_F(ReportCliTest, ReportOfTheWeekAsMailed) {
  build_november();
  goals("[goals]\nnew_contacts = 2\ncoffee = 2\n");
  EXPECT_EQ(ok({"report"}),
            "kith report: this week, Mon 2026-11-23 to Thu 2026-11-26\n"
            "\n"
            "New contacts (1)\n"
            "  Tue 2026-11-24  Ada Lovelace\n"
            "\n"
            "Conversations (3, with 4 people)\n"
            "  coffee 1, call 1, email 1\n"
            "\n"
            "Follow-ups done (3: 2 on time, 1 late)\n"
            "  Bea Arthur  follow-up 2: ask about the team (due 2026-11-20, done 2026-11-24, 4 "
            "days late)\n"
            "\n"
            "Overdue now (1)\n"
            "  Fred Brooks  follow-up 1: send the slides (6 days late)\n"
            "\n"
            "Events attended (1)\n"
            "  Tue 2026-11-24  Rust London; met Ada Lovelace, Dana Scully\n"
            "\n"
            "Past their cadence (1)\n"
            "  Fred Brooks  every 2w, 9 days late; last: never (added 2026-11-03)\n"
            "\n"
            "Weekly goals, Mon 2026-11-23 to Sun 2026-11-29\n"
            "  new contacts  1/2\n"
            "  coffee        1/2\n"
            "  this week: behind; streak: 2 weeks\n");
}

TEST_F(ReportCliTest, ReportOfLastWeekMeetsItsGoals) {
  build_november();
  goals("[goals]\nnew_contacts = 2\ncoffee = 2\n");
  std::string out = ok({"report", "--last-week"});
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "kith report: last week, Mon 2026-11-16 to Sun 2026-11-22");
  EXPECT_NE(out.find("New contacts (2)\n  Mon 2026-11-16  Dana Scully\n  Wed 2026-11-18  Emmy "
                     "Noether\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Conversations (2, with 2 people)\n  coffee 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Follow-ups done (0)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  new contacts  2/2 \u2713\n  coffee        2/2 \u2713\n"
                     "  that week: met; streak: 2 weeks\n"),
            std::string::npos)
      << out;
}

TEST_F(ReportCliTest, ReportJsonMatchesAHandCount) {
  build_november();
  goals("week_start = \"sunday\"\n[goals]\nconversations = 3\n");
  json j = json::parse(ok({"report", "--month", "--json"}));
  EXPECT_EQ(j["today"], "2026-11-26");
  EXPECT_EQ(j["period"], (json{{"kind", "month"}, {"from", "2026-11-01"}, {"to", "2026-11-26"}}));
  // Fred, Bea, Carl, Dana, Emmy, Ada.
  ASSERT_EQ(j["new_contacts"].size(), 6U);
  EXPECT_EQ(j["new_contacts"][0],
            (json{{"id", 4}, {"name", "Fred Brooks"}, {"added_on", "2026-11-03"}}));
  // Five coffees, a call and an email, with Bea, Carl, Dana, Emmy and Ada.
  EXPECT_EQ(j["conversations"]["total"], 7);
  EXPECT_EQ(j["conversations"]["people"], 5);
  EXPECT_EQ(j["conversations"]["by_channel"], (json{{"coffee", 5},
                                                    {"call", 1},
                                                    {"video", 0},
                                                    {"email", 1},
                                                    {"message", 0},
                                                    {"meeting", 0},
                                                    {"event", 0},
                                                    {"info-interview", 0},
                                                    {"interview", 0},
                                                    {"other", 0}}));
  EXPECT_EQ(j["follow_ups_done"]["total"], 3);
  EXPECT_EQ(j["follow_ups_done"]["on_time"], 2);
  EXPECT_EQ(j["follow_ups_done"]["late"], 1);
  EXPECT_EQ(j["follow_ups_done"]["items"][1],
            (json{{"id", 2},
                  {"contact", {{"id", 5}, {"name", "Bea Arthur"}}},
                  {"due_on", "2026-11-20"},
                  {"note", "ask about the team"},
                  {"closed_on", "2026-11-24"},
                  {"on_time", false}}));
  EXPECT_EQ(j["overdue"], json::parse(R"([{"id": 1, "contact": {"id": 4, "name": "Fred Brooks"},
      "due_on": "2026-11-20", "note": "send the slides", "days_late": 6}])"));
  EXPECT_EQ(j["events_attended"], json::parse(R"([{"id": 1, "name": "Rust London",
      "starts_on": "2026-11-24", "people_met": [{"id": 9, "name": "Ada Lovelace"},
      {"id": 7, "name": "Dana Scully"}]}])"));
  ASSERT_EQ(j["past_cadence"].size(), 1U);
  EXPECT_EQ(j["past_cadence"][0]["contact"]["name"], "Fred Brooks");
  EXPECT_EQ(j["past_cadence"][0]["cadence_due_on"], "2026-11-17");
  // Weeks from Sunday: this one (22-26) has 3 conversations; the one of the 15th had 2.
  EXPECT_EQ(j["goals"], json::parse(R"({"week_from": "2026-11-22", "week_to": "2026-11-28",
      "complete": false, "goals": [{"goal": "conversations", "target": 3, "done": 3,
      "met": true}], "met": true, "on_track": true, "streak": 0})"));
}

TEST_F(ReportCliTest, WithoutGoalsTheReportSaysHowToSetThem) {
  build_november();
  std::string out = ok({"report", "--since", "2026-11-25"});
  EXPECT_EQ(out.substr(0, out.find('\n')), "kith report: Wed 2026-11-25 to Thu 2026-11-26");
  EXPECT_NE(out.find("\nWeekly goals\n  none set; add a [goals] table to the config file (kith "
                     "config init shows one)\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(json::parse(ok({"report", "--json"}))["goals"], nullptr);
}

TEST_F(ReportCliTest, AnEmptyJournal) {
  Outcome stale = kith_raw({"--today", "2026-11-26", "stale"});
  EXPECT_EQ(stale.code, 0);
  EXPECT_EQ(stale.out, "");
  EXPECT_EQ(stale.err, "");
  Outcome report = kith_raw({"--today", "2026-11-26", "report", "--last-month"});
  EXPECT_EQ(report.code, 0) << report.err;
  EXPECT_EQ(report.out,
            "kith report: last month, Thu 2026-10-01 to Sat 2026-10-31\n"
            "\n"
            "New contacts (0)\n"
            "\n"
            "Conversations (0)\n"
            "\n"
            "Follow-ups done (0)\n"
            "\n"
            "Overdue now (0)\n"
            "\n"
            "Events attended (0)\n"
            "\n"
            "Past their cadence (0)\n"
            "\n"
            "Weekly goals\n"
            "  none set; add a [goals] table to the config file (kith config init shows one)\n");
  json j = json::parse(kith_raw({"--today", "2026-11-26", "stale", "--json"}).out);
  EXPECT_EQ(j, json::parse(R"({"today": "2026-11-26", "days": 90, "total": 0, "contacts": []})"));
  EXPECT_FALSE(std::filesystem::exists(m_dir / ".local"));
}

TEST_F(ReportCliTest, BadValuesAreUsageErrors) {
  ok({"add", "Ada Lovelace"});
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"stale", "--days", "0"},
       "kith: error: --days takes a number of days from 1 to 36500, not '0'\n"},
      {{"stale", "--days", "3w"},
       "kith: error: --days takes a number of days from 1 to 36500, not '3w'\n"},
      {{"stale", "-n", "-2"},
       "kith: error: --limit takes a number of people from 1 to 1000000000, not '-2'\n"},
      {{"stale", "--plain", "--json"},
       "kith: error: --plain and --json do not go together; choose one\n"},
      {{"report", "--since", "tomorrow"},
       "kith: error: --since 2026-11-27 is in the future; a report covers days that have passed\n"},
  };
  for (const auto& [args, err] : cases) {
    Outcome run = kith(args);
    EXPECT_EQ(run.code, 64) << args[1];
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, err);
  }
  Outcome both = kith({"report", "--week", "--month"});
  EXPECT_EQ(both.code, 64);
  EXPECT_EQ(std::count(both.err.begin(), both.err.end(), '\n'), 1) << both.err;
  EXPECT_EQ(both.err.rfind("kith: error: ", 0), 0U) << both.err;
  Outcome impossible = kith({"report", "--since", "2026-02-30"});
  EXPECT_EQ(impossible.code, 64);
  EXPECT_EQ(std::count(impossible.err.begin(), impossible.err.end(), '\n'), 1);
}

}  // namespace

}  // namespace kith::testing
