// `--plain` on the list commands, as a script reads it: one tab-separated record per line, ISO
// dates, no padding or colour, a header only with --header, and nothing at all from `due`
// when nothing is due.
#include <gtest/gtest.h>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class PlainCliTest : public CliTest {
 protected:
  // Ada (tier a, spoke 2026-11-20) and José (never spoken to).
  void add_people() {
    ok({"add", "Ada Lovelace", "--company", "Analytical Engines", "--tag", "a", "--tag", "rust"});
    ok({"add", "José Martínez", "--company", "Datos", "--tag", "c"});
    ok({"log", "ada", "-m", "coffee", "--on", "2026-11-20", "--no-follow-up"});
  }
};

TEST_F(PlainCliTest, ContactListIsTabSeparatedWithIsoDates) {
  add_people();
  EXPECT_EQ(ok({"contact", "list", "--plain"}),
            "1\tAda Lovelace\tAnalytical Engines\ta,rust\t2026-11-20\n"
            "2\tJosé Martínez\tDatos\tc\t\n");
  EXPECT_EQ(ok({"contact", "ls", "--plain", "--header"}),
            "ID\tNAME\tCOMPANY\tTAGS\tLAST SPOKE\n"
            "1\tAda Lovelace\tAnalytical Engines\ta,rust\t2026-11-20\n"
            "2\tJosé Martínez\tDatos\tc\t\n");
  EXPECT_EQ(ok({"contact", "list", "--plain", "--header", "--tag", "nobody"}), "");
}

TEST_F(PlainCliTest, FollowUpListIsTabSeparatedWithIsoDates) {
  add_people();
  ok({"fu", "add", "ada", "2026-11-27", "send the paper"});
  ok({"fu", "add", "jose", "2026-11-20", "call back", "--every", "2w"});
  EXPECT_EQ(ok({"follow-up", "list", "--plain"}),
            "2\t2026-11-20\tJosé Martínez\t6 days late\tcall back (every 2w)\n"
            "1\t2026-11-27\tAda Lovelace\tdue tomorrow\tsend the paper\n");
  EXPECT_EQ(ok({"fu", "ls", "--plain", "--header"}),
            "ID\tDUE\tWHO\tSTATE\tNOTE\n"
            "2\t2026-11-20\tJosé Martínez\t6 days late\tcall back (every 2w)\n"
            "1\t2026-11-27\tAda Lovelace\tdue tomorrow\tsend the paper\n");
}

TEST_F(PlainCliTest, EventListIsTabSeparatedWithIsoDates) {
  ok({"event", "add", "Rust Berlin", "--on", "2026-12-03", "--at", "19:00", "--where", "c-base"});
  ok({"event", "add", "PyData", "--on", "2026-12-10"});
  EXPECT_EQ(ok({"event", "list", "--plain"}),
            "1\t2026-12-03 19:00\tRust Berlin\tc-base\tplanned\t0\n"
            "2\t2026-12-10\tPyData\t\tplanned\t0\n");
  EXPECT_EQ(ok({"event", "ls", "--plain", "--header"}),
            "ID\tWHEN\tEVENT\tWHERE\tSTATUS\tMET\n"
            "1\t2026-12-03 19:00\tRust Berlin\tc-base\tplanned\t0\n"
            "2\t2026-12-10\tPyData\t\tplanned\t0\n");
}

TEST_F(PlainCliTest, DueIsOneLinePerItemWithItsSection) {
  add_people();
  ok({"add", "Grace Hopper", "--every", "30d"});
  ok({"log", "grace", "-m", "call", "--on", "2026-10-01", "--no-follow-up"});
  ok({"fu", "add", "jose", "2026-11-20", "call back"});
  ok({"fu", "add", "ada", "today", "send the paper"});
  ok({"fu", "add", "ada", "2026-11-30"});
  ok({"event", "add", "Rust Berlin", "--on", "2026-11-28", "--at", "19:00", "--where", "c-base"});
  const std::string items =
      "overdue\t2026-10-31\t3\tGrace Hopper\tkeep in touch, every 30d\n"
      "overdue\t2026-11-20\t1\tJosé Martínez\tfollow-up 1: call back\n"
      "today\t2026-11-26\t2\tAda Lovelace\tfollow-up 2: send the paper\n"
      "coming up\t2026-11-28\t1\tRust Berlin\tevent 19:00 at c-base\n"
      "coming up\t2026-11-30\t3\tAda Lovelace\tfollow-up 3\n";
  EXPECT_EQ(ok({"due", "--within", "7d", "--plain"}), items);
  EXPECT_EQ(ok({"due", "--within", "7d", "--plain", "--header"}),
            "SECTION\tDATE\tID\tNAME\tWHAT\n" + items);
}

TEST_F(PlainCliTest, DuePrintsNothingWhenNothingIsDue) {
  ok({"add", "Ada Lovelace"});
  for (auto args : {std::vector<std::string>{"due", "--plain"},
                    std::vector<std::string>{"due", "--plain", "--header", "--within", "7d"}}) {
    Outcome run = kith(args);
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
  }
}

TEST_F(PlainCliTest, TabsAndNewlinesInFieldsKeepEachRecordOnOneLine) {
  ok({"add", "Ada\tLovelace\nthe first programmer", "--company", "Analytical\tEngines"});
  ok({"fu", "add", "1", "2026-11-27", "send\tthe\npaper"});
  EXPECT_EQ(ok({"contact", "list", "--plain"}),
            "1\tAda Lovelace the first programmer\tAnalytical Engines\t\t\n");
  EXPECT_EQ(ok({"fu", "list", "--plain"}),
            "1\t2026-11-27\tAda Lovelace the first programmer\tdue tomorrow\tsend the paper\n");
}

TEST_F(PlainCliTest, PlainWithJsonIsAUsageError) {
  add_people();
  for (auto args : {std::vector<std::string>{"contact", "list", "--plain", "--json"},
                    std::vector<std::string>{"--json", "follow-up", "list", "--plain"},
                    std::vector<std::string>{"event", "list", "--plain", "--json"},
                    std::vector<std::string>{"due", "--plain", "--json"}}) {
    Outcome run = kith(args);
    EXPECT_EQ(run.code, 64) << args[0];
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "kith: error: --plain and --json do not go together; choose one\n");
  }
}

TEST_F(PlainCliTest, HeaderWithoutPlainIsAUsageError) {
  Outcome run = kith({"contact", "list", "--header"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("--plain"), std::string::npos) << run.err;
}

}  // namespace

}  // namespace kith::testing
