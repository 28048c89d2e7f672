// `kith who --at` and `kith brief`: who you know somewhere, and the page to read before a
// meeting, on a scenario with pinned dates.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class InsightCliTest : public CliTest {
 protected:
  // Ana works at Stripe and was introduced by Ben; Carla also works at Stripe; Dev's note
  // mentions Stripe; Ana and Dev were both met at RustConf.
  void scenario() {
    ok({"add", "Ben Okafor", "--company", "Plaid"});
    ok({"event", "add", "RustConf", "--on", "2026-09-10", "--where", "Montréal"});
    ok({"add", "Ana Sousa", "--company", "Stripe", "--title", "Staff engineer", "--via", "ben",
        "--met-at", "rustconf", "--how", "talk on compilers", "--every", "1m"});
    ok({"add", "Carla Diaz", "--company", "Stripe, Inc."});
    ok({"add", "Dev Patel", "--note", "Interviewing at Stripe next month", "--met-at", "rustconf"});
    ok({"add", "Old Friend", "--company", "Stripe"});
    ok({"contact", "archive", "old friend"});
    ok({"log", "ana", "-m", "Coffee: her team is hiring", "--on", "2026-10-01", "--channel",
        "coffee", "--no-follow-up"});
    ok({"log", "ana", "-m", "Call about the Rust role", "--on", "2026-10-20", "--channel", "call",
        "--note", "Send CV by Friday", "--no-follow-up"});
    ok({"log", "carla", "-m", "Intro email", "--on", "2026-11-02", "--channel", "email",
        "--no-follow-up"});
    ok({"follow-up", "add", "ana", "2026-11-20", "send the CV"});
  }
};

TEST_F(InsightCliTest, WhoListsColleaguesByLastContactThenMentions) {
  scenario();
  EXPECT_EQ(ok({"who", "--at", "stripe"}),
            "  Carla Diaz #3 · last spoke 24 days ago\n"
            "  Ana Sousa #2 · Staff engineer · last spoke 37 days ago\n"
            "mentioned in notes:\n"
            "  Dev Patel #4 · never spoke\n");
  auto all = ok({"who", "--at", "STRIPE", "--archived"});
  EXPECT_NE(all.find("Old Friend #5"), std::string::npos);
}

TEST_F(InsightCliTest, WhoJsonAndNobody) {
  scenario();
  auto j = nlohmann::json::parse(ok({"--json", "who", "--at", "Stripe"}));
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["name"], "Carla Diaz");
  EXPECT_EQ(j[0]["works_there"], true);
  EXPECT_EQ(j[0]["last_contacted"], "2026-11-02");
  EXPECT_EQ(j[2]["name"], "Dev Patel");
  EXPECT_EQ(j[2]["works_there"], false);
  EXPECT_TRUE(j[2]["last_contacted"].is_null());
  auto r = kith({"who", "--at", "Initech"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "kith: nobody you know at 'Initech'\n");
  r = kith({"who"});
  EXPECT_EQ(r.code, 64);
}

TEST_F(InsightCliTest, BriefIsThePageBeforeAMeeting) {
  scenario();
  EXPECT_EQ(ok({"brief", "ana"}),
            "Ana Sousa #2\n"
            "  title          Staff engineer\n"
            "  company        Stripe\n"
            "  how met        talk on compilers\n"
            "  met at         RustConf (2026-09-10)\n"
            "  introduced by  Ben Okafor (#1)\n"
            "  last spoke     2026-10-20 (37 days ago), 2 conversations\n"
            "  keep in touch  every 1m, next due 2026-11-20 (6 days ago)\n"
            "  added          2026-11-26\n"
            "\n"
            "Last conversations\n"
            "  2026-10-20 (37 days ago) call: Call about the Rust role\n"
            "      Send CV by Friday\n"
            "  2026-10-01 (56 days ago) coffee: Coffee: her team is hiring\n"
            "\n"
            "Open follow-ups\n"
            "  #1 2026-09-11 (76 days late) follow up after RustConf (within 48 hours)\n"
            "  #3 2026-11-20 (6 days late) send the CV\n"
            "\n"
            "Keep in touch\n"
            "  every 1m, overdue since 2026-11-20\n"
            "\n"
            "People in common\n"
            "  at Stripe: Carla Diaz (#3)\n"
            "  at RustConf (2026-09-10): Dev Patel (#4)\n");
}

TEST_F(InsightCliTest, BriefJsonAndIntroductionsBothWays) {
  scenario();
  auto j = nlohmann::json::parse(ok({"--json", "brief", "ana"}));
  EXPECT_EQ(j["introducer"]["name"], "Ben Okafor");
  EXPECT_EQ(j["recent_conversations"].size(), 2u);
  EXPECT_EQ(j["recent_conversations"][0]["summary"], "Call about the Rust role");
  ASSERT_EQ(j["open_follow_ups"].size(), 2u);
  EXPECT_EQ(j["open_follow_ups"][0]["due_on"], "2026-09-11");
  EXPECT_EQ(j["open_follow_ups"][1]["note"], "send the CV");
  EXPECT_EQ(j["cadence_due_on"], "2026-11-20");
  EXPECT_EQ(j["colleagues"][0]["name"], "Carla Diaz");
  EXPECT_EQ(j["shared_events"][0]["event"]["name"], "RustConf");
  EXPECT_EQ(j["shared_events"][0]["people"][0]["name"], "Dev Patel");
  auto ben = ok({"brief", "ben"});
  EXPECT_NE(ben.find("  introduced     Ana Sousa (#2)\n"), std::string::npos);
  EXPECT_NE(ben.find("Last conversations\n  none yet\n"), std::string::npos);
}

TEST_F(InsightCliTest, BriefOfNobodyOrSeveral) {
  scenario();
  auto r = kith({"brief", "zed"});
  EXPECT_EQ(r.code, 66);
  r = kith({"brief", "o"});  // Okafor and Old Friend: two words start with it
  EXPECT_EQ(r.code, 65);
}

}  // namespace

}  // namespace kith::testing
