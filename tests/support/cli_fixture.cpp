#include "cli_fixture.hpp"

#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace kith::testing {

void CliTest::SetUp() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kith-cli-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  m_dir = pattern;
  m_db = m_dir / "journal.db";
  m_env = {{"HOME", m_dir.string()}, {"TERM", "xterm"}};
}

void CliTest::TearDown() {
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

Outcome CliTest::kith_raw(std::vector<std::string> args, const std::string& input, bool tty) {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  Outcome run;
  run.code = cli::run(args, cli::Io{in, out, err, tty, tty}, m_env);
  run.out = out.str();
  run.err = err.str();
  return run;
}

Outcome CliTest::kith(std::vector<std::string> args, const std::string& input, bool tty) {
  args.insert(args.begin(), {"--db", m_db.string(), "--today", m_today});
  return kith_raw(std::move(args), input, tty);
}

std::string CliTest::ok(std::vector<std::string> args) {
  Outcome run = kith(args);
  EXPECT_EQ(run.code, 0) << run.err;
  return run.out;
}

std::string CliTest::journal_bytes() const {
  std::ifstream in(m_db, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace kith::testing
