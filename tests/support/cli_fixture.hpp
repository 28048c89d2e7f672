// Runs kith in-process against a journal in a fresh temporary directory, with "today" pinned,
// and captures exactly what a user would see: stdout, stderr and the exit status.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "context.hpp"

namespace kith::testing {

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `kith --db <journal> --today <today> ARGS...` and returns what it printed.
  Outcome kith(std::vector<std::string> args, const std::string& input = "", bool tty = false);
  // Like kith() but without adding --db and --today.
  Outcome kith_raw(std::vector<std::string> args, const std::string& input = "", bool tty = false);
  // Runs a command that must succeed and returns its stdout.
  std::string ok(std::vector<std::string> args);
  // The journal's bytes, to prove a failed command changed nothing.
  std::string journal_bytes() const;

  std::filesystem::path m_dir;
  std::filesystem::path m_db;
  std::string m_today = "2026-11-26";  // a Thursday
  cli::Environment m_env;
};

}  // namespace kith::testing
