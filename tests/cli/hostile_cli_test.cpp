// Hostile text (from an imported file, a typed argument, the journal) never reaches the
// terminal raw, on stdout or stderr, and text that is not UTF-8 is refused before it is stored.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class HostileTest : public CliTest {};

// True when `text` holds a byte a terminal would act on: C0 (but newline and tab), DEL, a C1
// control in UTF-8, or a byte that is not UTF-8 at all.
bool raw_control(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F || b == 0xFF || b == 0xFE) return true;
    if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

TEST_F(HostileTest, AnAmbiguousReferenceListsNamesThroughTheFilter) {
  ok({"add", "Ada \x1b]52;c;cm0gLXJmIH4=\x07 One"});
  ok({"add", "Ada \x1b[2J Two"});
  Outcome run = kith({"show", "ada"});
  EXPECT_EQ(run.code, 65);
  EXPECT_FALSE(raw_control(run.err)) << run.err;
  EXPECT_NE(run.err.find("Ada ^[]52;c;cm0gLXJmIH4=^G One"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Ada ^[[2J Two"), std::string::npos) << run.err;
}

TEST_F(HostileTest, OptionValuesEchoedInErrorsAreFiltered) {
  ok({"add", "Ada Lovelace"});
  for (std::vector<std::string> args :
       {std::vector<std::string>{"log", "ada", "-m", "x", "--on", "\x1b]0;t\x07"},
        {"log", "ada", "-m", "x", "--channel", "\x1b[31mred"},
        {"log", "ada", "-m", "x", "--event", "\u009b2J"},
        {"contact", "edit", "ada", "--rm-email", "\x1b[8m@x"},
        {"contact", "edit", "ada", "--untag", "\x1b[8m"},
        {"show", "\x1b]52;c;x\x07"}}) {
    Outcome run = kith(args);
    EXPECT_NE(run.code, 0) << args[4];
    EXPECT_FALSE(raw_control(run.err)) << run.err;
    EXPECT_FALSE(raw_control(run.out)) << run.out;
  }
  Outcome run = kith_raw({"--today", "\x1b[2J", "due"});
  EXPECT_EQ(run.code, 64);
  EXPECT_FALSE(raw_control(run.err)) << run.err;
}

TEST_F(HostileTest, ArgumentsThatAreNotUtf8AreRefusedAndNothingIsStored) {
  ok({"add", "Ada Lovelace"});
  const std::string before = journal_bytes();
  Outcome run = kith({"add", "X\xff]0;PWNED\xff\\"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: NAME 'X?]0;PWNED?\\' is not valid UTF-8 (byte 2); kith keeps text as "
            "UTF-8\n");
  run = kith({"log", "ada", "-m", "coffee", "--note", "over\xc0\xaflong"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: --note 'over??long' is not valid UTF-8 (byte 5); kith keeps text as "
            "UTF-8\n");
  run = kith({"add", "Grace", "--company=surrogate \xed\xa0\x80"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err.substr(0, 24), "kith: error: --company '");
  EXPECT_EQ(journal_bytes(), before);
  // File names may be any bytes: a journal named in Latin-1 is a journal like any other.
  const std::string latin1 = (m_dir / "caf\xe9.db").string();
  EXPECT_EQ(kith_raw({"--db", latin1, "add", "Grace Hopper"}).code, 0);
  EXPECT_TRUE(std::filesystem::exists(latin1));
}

TEST_F(HostileTest, BidiControlsShowAsCodePointsButJsonKeepsThem) {
  ok({"add", "Ada \u202eecalevol\u202c", "--company", "zero\u200bwidth"});
  const std::string list = ok({"contact", "list"});
  EXPECT_NE(list.find("Ada <U+202E>ecalevol<U+202C>"), std::string::npos) << list;
  EXPECT_NE(list.find("zero<U+200B>width"), std::string::npos) << list;
  const std::string json = ok({"--json", "contact", "show", "1"});
  EXPECT_NE(json.find("\"Ada \\u202eecalevol\\u202c\""), std::string::npos) << json;
  EXPECT_EQ(nlohmann::json::parse(json)["name"], "Ada \u202eecalevol\u202c");
}

// C1 controls in an .ics SUMMARY (the reader drops only C0) still never reach the terminal.
TEST_F(HostileTest, AnAmbiguousEventFromACalendarIsFiltered) {
  std::ofstream(m_dir / "evil.ics")
      << "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
      << "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:Rust \u009b2J one\r\n"
      << "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20261202\r\n"
      << "SUMMARY:Rust \u009d0;x two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  ASSERT_EQ(kith({"event", "import", (m_dir / "evil.ics").string()}).code, 0);
  Outcome run = kith({"event", "show", "rust"});
  EXPECT_EQ(run.code, 65);
  EXPECT_FALSE(raw_control(run.err)) << run.err;
  EXPECT_NE(run.err.find("Rust ^[[2J one"), std::string::npos) << run.err;
  EXPECT_FALSE(raw_control(ok({"event", "list", "--all"})));
}

// A repeat that would pass the year 9999 is refused before anything is written, and every
// command still works afterwards.
TEST_F(HostileTest, ARepeatPastTheLastSupportedDayIsRefusedAndChangesNothing) {
  ok({"add", "Ada Lovelace"});
  ok({"follow-up", "add", "ada", "9999-12-31", "x", "--every", "1d"});
  const std::string before = journal_bytes();
  Outcome run = kith({"follow-up", "done", "1"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err,
            "kith: error: the next follow-up of the repeating follow-up 1 would fall on "
            "10000-01-01, outside the years 1900 to 9999 that kith keeps\n");
  EXPECT_EQ(journal_bytes(), before);
  EXPECT_EQ(kith({"follow-up", "list"}).code, 0);
  EXPECT_EQ(kith({"export"}).code, 0);
  EXPECT_EQ(kith({"export", "--format", "ics"}).code, 0);
  EXPECT_EQ(kith({"timeline", "ada"}).code, 0);
}

// A config file nesting keys 50,000 levels deep once crashed the TOML parser.
TEST_F(HostileTest, ADeeplyNestedConfigFileIsRefusedWithItsLine) {
  std::string deep = "color = \"auto\"\n# a.b.c.d in a comment\nname = \"a.b.c.d.e\"\na";
  for (int i = 0; i < 50000; ++i) deep += ".a";
  std::ofstream(m_dir / "deep.toml") << deep << " = 1\n";
  Outcome run = kith({"--config", (m_dir / "deep.toml").string(), "due"});
  EXPECT_EQ(run.code, 78);
  EXPECT_EQ(run.err, "kith: error: " + (m_dir / "deep.toml").string() +
                         ":4: keys, tables or arrays nest more than 32 levels deep\n");
  std::ofstream(m_dir / "arrays.toml") << "x = " << std::string(5000, '[') << "\n";
  run = kith({"--config", (m_dir / "arrays.toml").string(), "due"});
  EXPECT_EQ(run.code, 78);
  EXPECT_EQ(run.err, "kith: error: " + (m_dir / "arrays.toml").string() +
                         ":1: keys, tables or arrays nest more than 32 levels deep\n");
}

// toml++ assumes a key never starts with a control character (a fuzzer found the assertion);
// TOML allows none but tab, so the file is refused with the line, before toml++ reads it.
TEST_F(HostileTest, AControlCharacterInTheConfigFileIsRefusedWithItsLine) {
  std::ofstream(m_dir / "control.toml") << "color = \"auto\"\n[\x01\x7f[cadence]]\na = \"1y\"\n";
  Outcome run = kith({"--config", (m_dir / "control.toml").string(), "due"});
  EXPECT_EQ(run.code, 78);
  EXPECT_EQ(run.err, "kith: error: " + (m_dir / "control.toml").string() +
                         ":2: a control character (U+0001) is not allowed in a config file\n");
  std::ofstream(m_dir / "tabs.toml") << "color\t=\t\"never\"\r\n";
  EXPECT_EQ(kith({"--config", (m_dir / "tabs.toml").string(), "config", "show"}).code, 0);
}

}  // namespace
}  // namespace kith::testing
