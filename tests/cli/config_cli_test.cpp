// The configuration file: what it changes, the precedence of flags over the environment over
// the file over the defaults, and a clear exit 78 for every mistake in it.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class ConfigCliTest : public CliTest {
 protected:
  std::filesystem::path config_file() const { return m_dir / ".config" / "kith" / "config.toml"; }
  void write_config(const std::string& text) {
    std::filesystem::create_directories(config_file().parent_path());
    std::ofstream(config_file()) << text;
  }
};

TEST_F(ConfigCliTest, InitWritesACommentedFileThatReadsAsTheDefaults) {
  Outcome init = kith({"config", "init"});
  EXPECT_EQ(init.code, 0) << init.err;
  EXPECT_EQ(init.err, "kith: wrote " + config_file().string() + "\n");
  auto shown = nlohmann::json::parse(ok({"config", "show", "--json"}));
  EXPECT_EQ(shown["cadence.a"]["value"], "30d");
  EXPECT_EQ(shown["playbook.after_meeting_days"]["value"], "2");
  EXPECT_EQ(shown["playbook.after_meeting_days"]["source"], config_file().string() + ":27");
  Outcome again = kith({"config", "init"});
  EXPECT_EQ(again.code, 73);
  EXPECT_EQ(again.err, "kith: error: " + config_file().string() +
                           " already exists; kith will not overwrite it\n");
}

TEST_F(ConfigCliTest, TiersAndPlaybookDelaysComeFromTheFile) {
  write_config("[cadence]\nvip = \"1w\"\n[playbook]\nafter_meeting_days = 1\n");
  ok({"add", "Ada Lovelace", "--tag", "vip"});
  ok({"add", "Grace Hopper", "--tag", "a"});  // tier a is gone: the file replaced the tiers
  Outcome logged = kith({"log", "grace", "-m", "coffee", "--channel", "coffee"});
  EXPECT_NE(logged.err.find("due Fri 2026-11-27"), std::string::npos) << logged.err;
  m_today = "2026-12-03";
  std::string due = ok({"due"});
  EXPECT_NE(due.find("Ada Lovelace  keep in touch, every 1w (due today)"), std::string::npos)
      << due;
  EXPECT_EQ(due.find("Grace Hopper  keep in touch"), std::string::npos) << due;
}

TEST_F(ConfigCliTest, JournalPathFollowsFlagThenEnvironmentThenFile) {
  write_config("journal = \"~/from-config.db\"\n");
  kith_raw({"add", "From Config", "-q"});
  EXPECT_TRUE(std::filesystem::exists(m_dir / "from-config.db"));
  m_env["KITH_DB"] = (m_dir / "from-env.db").string();
  kith_raw({"add", "From Env", "-q"});
  EXPECT_TRUE(std::filesystem::exists(m_dir / "from-env.db"));
  kith_raw({"add", "From Flag", "-q", "--db", (m_dir / "from-flag.db").string()});
  EXPECT_TRUE(std::filesystem::exists(m_dir / "from-flag.db"));
  auto shown = nlohmann::json::parse(kith_raw({"config", "show", "--json"}).out);
  EXPECT_EQ(shown["journal"]["source"], "KITH_DB");
}

TEST_F(ConfigCliTest, ColourFollowsFlagThenEnvironmentThenFile) {
  ok({"add", "Ada Lovelace"});
  write_config("color = \"always\"\n");
  EXPECT_NE(ok({"show", "ada"}).find("\x1b[1m"), std::string::npos);
  EXPECT_EQ(ok({"show", "ada", "--color", "never"}).find("\x1b["), std::string::npos);
  m_env["NO_COLOR"] = "1";
  EXPECT_EQ(ok({"show", "ada"}).find("\x1b["), std::string::npos);
  EXPECT_NE(ok({"show", "ada", "--color", "always"}).find("\x1b[1m"), std::string::npos);
}

TEST_F(ConfigCliTest, DueWindowFromTheFileAndTheFlag) {
  write_config("[due]\nwithin = \"3d\"\n");
  ok({"add", "Ada Lovelace"});
  ok({"fu", "add", "ada", "sat", "send the link"});
  EXPECT_NE(ok({"due"}).find("Coming up until Sun 2026-11-29 (1)"), std::string::npos);
  EXPECT_EQ(ok({"due", "--within", "1d"}), "");
}

TEST_F(ConfigCliTest, WeeklyGoalsAndTheWeekStartAreShownWithTheirLines) {
  write_config("week_start = \"Sunday\"\n[goals]\nnew_contacts = 3\ncoffee = 2\n");
  std::string shown = ok({"config", "show"});
  std::string file = config_file().string();
  EXPECT_NE(shown.find("week_start                   sunday  (" + file + ":1)"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("goals.coffee                 2 a week  (" + file + ":4)"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("goals.new_contacts           3 a week  (" + file + ":3)"),
            std::string::npos)
      << shown;
  write_config("");
  EXPECT_NE(ok({"config", "show"}).find("week_start                   monday  (default)"),
            std::string::npos);
}

TEST_F(ConfigCliTest, EveryMistakeIsExit78NamingTheKeyAndLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"colour = \"never\"\n", ":1: unknown key 'colour'; see kith config init for the known ones"},
      {"\n[cadence]\na = \"soon\"\n",
       ":3: 'cadence.a' must be an interval such as 30d, 2w, 3m or 1y, not 'soon'"},
      {"[playbook]\nafter_meeting_days = -1\n",
       ":2: 'playbook.after_meeting_days' must be a number of days from 0 to 365"},
      {"color = \"blue\"\n", ":1: 'color' must be \"auto\", \"always\" or \"never\""},
      {"[due]\nwhen = \"3d\"\n", ":2: unknown key 'due.when'"},
      {"journal = [\n", ":"},
      {"week_start = \"funday\"\n",
       ":1: 'week_start' must be a day of the week, such as \"monday\" or \"sunday\""},
      {"[goals]\ncoffees = 2\n",
       ":2: unknown key 'goals.coffees'; goals are new_contacts, conversations or a channel "
       "such as coffee"},
      {"[goals]\nnew_contacts = -3\n",
       ":2: 'goals.new_contacts' must be a number per week from 0 to 1000"},
  };
  for (const auto& c : cases) {
    write_config(c.text);
    Outcome run = kith({"due"});
    EXPECT_EQ(run.code, 78) << c.text;
    EXPECT_EQ(run.err.rfind("kith: error: " + config_file().string() + c.message, 0), 0u)
        << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  }
  Outcome missing = kith({"due", "--config", (m_dir / "nope.toml").string()});
  EXPECT_EQ(missing.code, 78);
}

}  // namespace

}  // namespace kith::testing
