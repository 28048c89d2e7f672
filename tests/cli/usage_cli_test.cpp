// A command line that is wrong says what was wrong and what was probably meant: unknown
// commands and options with the nearest one kith knows, unexpected words in the order typed
// with the likely cause; `kith help` and a bare `kith` help a newcomer; --help reads as text.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class UsageTest : public CliTest {
 protected:
  // Runs a command that must fail with exit 64, change nothing, and print one error line.
  std::string usage_error(std::vector<std::string> args) {
    const std::string before = journal_bytes();
    Outcome run = kith(std::move(args));
    EXPECT_EQ(run.code, 64) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(journal_bytes(), before);
    return run.err;
  }
};

TEST_F(UsageTest, AnUnknownCommandNamesTheNearestOne) {
  EXPECT_EQ(usage_error({"lgo", "ada", "-m", "coffee"}),
            "kith: error: unknown command 'lgo'; did you mean 'log'?\n");
  EXPECT_EQ(usage_error({"contcat", "list"}),
            "kith: error: unknown command 'contcat'; did you mean 'contact'?\n");
  EXPECT_EQ(usage_error({"contact", "lsit"}),
            "kith: error: unknown command 'contact lsit'; did you mean 'contact list'?\n");
  EXPECT_EQ(usage_error({"frobnicate"}),
            "kith: error: unknown command 'frobnicate'; see kith --help\n");
  EXPECT_EQ(usage_error({"contact"}),
            "kith: error: kith contact needs a command: add, show, list, edit, archive, "
            "unarchive, snooze, rm, merge; see kith contact --help\n");
}

TEST_F(UsageTest, AnUnknownOptionNamesTheNearestOne) {
  EXPECT_EQ(usage_error({"-v"}), "kith: error: unknown option '-v'; did you mean '--version'?\n");
  EXPECT_EQ(usage_error({"--frobnicate"}),
            "kith: error: unknown option '--frobnicate'; see kith --help\n");
  ok({"add", "Ada Lovelace"});
  EXPECT_EQ(usage_error({"log", "ada", "-m", "coffee", "--chanel", "coffee"}),
            "kith: error: unknown option '--chanel'; did you mean '--channel'?\n");
  EXPECT_EQ(usage_error({"due", "--withn", "2d"}),
            "kith: error: unknown option '--withn'; did you mean '--within'?\n");
}

TEST_F(UsageTest, UnexpectedWordsAreListedInOrderWithTheLikelyCause) {
  EXPECT_EQ(usage_error({"add", "Grace", "Brewster", "Hopper"}),
            "kith: error: unexpected arguments 'Brewster Hopper'; quote a name with spaces: "
            "kith add \"Grace Brewster Hopper\"\n");
  ok({"add", "Maya Okafor"});
  EXPECT_EQ(usage_error({"log", "maya", "-m", "had", "coffee", "with", "her"}),
            "kith: error: unexpected arguments 'coffee with her' after the summary; quote a "
            "summary with spaces: kith log maya -m \"had coffee with her\"\n");
  EXPECT_EQ(usage_error({"fu", "add", "maya", "send the link"}),
            "kith: error: WHEN is missing: 'send the link' is not a date; kith follow-up add "
            "maya WHEN \"send the link\", where WHEN is e.g. fri, 3d, dec 1 or 2026-12-01\n");
  EXPECT_EQ(usage_error({"fu", "add", "maya", "fri", "send", "the", "link"}),
            "kith: error: unexpected arguments 'the link'; quote a note with spaces: kith fu add "
            "maya fri \"send the link\"\n");
  EXPECT_EQ(usage_error({"show", "Maya", "Okafor"}),
            "kith: error: unexpected argument 'Okafor'; quote a name with spaces: kith show "
            "\"Maya Okafor\"\n");
  EXPECT_EQ(usage_error({"who", "--at", "Analytical", "Engines"}),
            "kith: error: unexpected argument 'Engines'; quote a value with spaces: kith who --at "
            "\"Analytical Engines\"\n");
  // A word after another option's value is no part of the summary: no hint about quoting it.
  EXPECT_EQ(kith({"log", "maya", "-m", "coffee", "--channel", "coffee", "shop"}).err,
            "kith: error: no contact matches 'shop'; see kith contact list\n");
  EXPECT_EQ(usage_error({"due", "tomorrow"}),
            "kith: error: unexpected argument 'tomorrow'; see kith due --help\n");
}

TEST_F(UsageTest, ABareKithShowsWhereToStart) {
  Outcome run = kith({});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("Start here:\n  kith add \"Ada Lovelace\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  kith due "), std::string::npos) << run.out;
  std::istringstream lines(run.out + ok({"--help"}) + ok({"log", "--help"}));
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 80u) << "wider than a terminal of 80 columns: " << line;
  }
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(UsageTest, HelpNamesACommandLikeDashDashHelp) {
  EXPECT_EQ(ok({"help", "log"}), ok({"log", "--help"}));
  EXPECT_EQ(ok({"help", "follow-up", "snooze"}), ok({"follow-up", "snooze", "--help"}));
  EXPECT_EQ(ok({"help"}), ok({"--help"}));
  EXPECT_EQ(usage_error({"help", "lgo"}),
            "kith: error: unknown command 'lgo'; did you mean 'log'?\n");
}

TEST_F(UsageTest, HelpReadsAsTextWithExamplesFirst) {
  const std::string help = ok({"log", "--help"});
  EXPECT_TRUE(help.starts_with("Record a conversation with one or more people\n\nExamples:\n"))
      << help;
  EXPECT_LT(help.find("Examples:"), help.find("Usage:"));
  EXPECT_NE(help.find("  --direction out|in "), std::string::npos) << help;
  for (const char* notation : {":{", "Excludes", "Needs", "REQUIRED", "TEXT:", " ..."}) {
    EXPECT_EQ(help.find(notation), std::string::npos) << notation << " in\n" << help;
  }
  EXPECT_NE(help.find("\n\nGlobal options, before or after the command: --db PATH, --config "
                      "PATH, --json,\n--color WHEN, --today YYYY-MM-DD, -q; see kith --help.\n"),
            std::string::npos)
      << help;
}

TEST_F(UsageTest, CompletionStillListsEveryCommand) {
  const std::string bash = ok({"completion", "bash"});
  for (const char* word : {"log", "follow-up", "help", "snooze", "edit", "--force", "--due"}) {
    EXPECT_NE(bash.find(word), std::string::npos) << word;
  }
}

}  // namespace

}  // namespace kith::testing
