// docs/guide.md, followed word for word: every ```console block of the guide is a session a
// reader types, in order, on one practice journal. A line starting with "$ " is typed (with
// "\" continuing it on the next line); the lines after it, up to the next "$ " or the end of
// the block, are what kith prints, stdout then stderr. `export NAME=VALUE` sets the
// environment of the commands after it, as a shell would.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

struct Step {
  int line = 0;          // where the command starts in guide.md
  std::string command;   // as typed, continuations joined
  std::string expected;  // what the guide says it prints
};

// The steps of every ```console block, in order.
std::vector<Step> console_steps(std::istream& in) {
  std::vector<Step> steps;
  bool in_block = false;
  bool continued = false;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (!in_block) {
      in_block = text == "```console";
      continue;
    }
    if (text == "```") {
      in_block = continued = false;
      continue;
    }
    if (continued) {
      steps.back().command += " " + text.substr(text.find_first_not_of(' '));
    } else if (text.starts_with("$ ")) {
      steps.push_back({number, text.substr(2), ""});
    } else {
      if (!steps.empty()) steps.back().expected += text + "\n";
      continue;
    }
    std::string& command = steps.back().command;
    continued = !command.empty() && command.back() == '\\';
    if (continued) command.pop_back();
  }
  return steps;
}

// A command line split into words as a POSIX shell does for plain words, '...' and "..."
// quoting, and a comment after an unquoted "#"; "~/" at the start of a word is $HOME.
std::vector<std::string> shell_words(const std::string& line, const std::string& home) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else if (c == '\'') {
      const std::size_t end = line.find('\'', i + 1);
      word += line.substr(i + 1, end - i - 1);
      i = end;
      in_word = true;
    } else if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        const bool escaped = line[i] == '\\' && i + 1 < line.size() &&
                             std::string_view("\"\\$`").find(line[i + 1]) != std::string::npos;
        if (escaped) ++i;
        word += line[i];
      }
      in_word = true;
    } else if (c == '~' && !in_word && line.compare(i, 2, "~/") == 0) {
      word += home;
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

class GuideTest : public CliTest {};

TEST_F(GuideTest, TheWalkthroughPrintsWhatTheGuideSays) {
  std::ifstream guide(std::string(KITH_DOCS_DIR) + "/guide.md");
  ASSERT_TRUE(guide) << "docs/guide.md";
  const std::vector<Step> steps = console_steps(guide);
  ASSERT_GE(steps.size(), 10u) << "the guide's ```console blocks were not found";
  m_env.erase("TERM");
  for (const Step& step : steps) {
    std::vector<std::string> words = shell_words(step.command, m_dir.string());
    ASSERT_FALSE(words.empty()) << "guide.md:" << step.line;
    if (words.front() == "export") {
      for (std::size_t i = 1; i < words.size(); ++i) {
        const std::size_t eq = words[i].find('=');
        std::string value = words[i].substr(eq + 1);
        if (value.starts_with("~/")) value = m_dir.string() + value.substr(1);
        m_env[words[i].substr(0, eq)] = value;
      }
      EXPECT_EQ(step.expected, "") << "guide.md:" << step.line;
      continue;
    }
    ASSERT_EQ(words.front(), "kith") << "guide.md:" << step.line << ": " << step.command;
    words.erase(words.begin());
    const Outcome run = kith_raw(words);
    EXPECT_EQ(run.out + run.err, step.expected)
        << "guide.md:" << step.line << ": $ " << step.command << " (exit " << run.code << ")";
  }
}

}  // namespace

}  // namespace kith::testing
