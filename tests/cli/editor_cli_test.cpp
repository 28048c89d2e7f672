// Writing long text in $VISUAL/$EDITOR: `kith log --edit` and `kith contact edit --note-edit`
// run a shell script as the editor, which records what kith handed it and writes an answer.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class EditorCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    std::filesystem::create_directory(m_dir / "tmp");
    m_env["TMPDIR"] = (m_dir / "tmp").string();
    // Records the file's path, mode and contents, then appends the file `answer`, if any.
    m_env["EDITOR"] = script("record.sh", "printf '%s' \"$1\" > '" + path("seen-path") +
                                              "'\n"
                                              "stat -c %a \"$1\" > '" +
                                              path("seen-mode") +
                                              "'\n"
                                              "cp \"$1\" '" +
                                              path("seen") +
                                              "'\n"
                                              "if [ -f '" +
                                              path("answer") + "' ]; then cat '" + path("answer") +
                                              "' >> \"$1\"; fi\n");
    ok({"add", "Ada Lovelace"});
    ok({"add", "Grace Hopper", "--note", "met at the compiler meetup"});
  }

  std::string path(const std::string& name) const { return (m_dir / name).string(); }

  // Writes an executable shell script into the test directory and returns its path.
  std::string script(const std::string& name, const std::string& body) const {
    std::ofstream(path(name)) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(path(name), std::filesystem::perms::owner_all);
    return path(name);
  }

  void answer(const std::string& text) const { std::ofstream(path("answer")) << text; }

  std::string read(const std::string& name) const {
    std::ifstream in(path(name));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  nlohmann::json conversation(int id) {
    return nlohmann::json::parse(ok({"conversation", "show", std::to_string(id), "--json"}));
  }
};

TEST_F(EditorCliTest, LogEditTakesSummaryFromTheFirstLineAndTheNoteFromTheRest) {
  answer(
      "Coffee, talked about Rust jobs   \n\nShe offered an intro\n# a stray comment\nto Grace\n");
  Outcome run = kith({"log", "ada", "--channel", "coffee", "--edit", "--no-follow-up"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: logged conversation 1 with Ada Lovelace on 2026-11-26\n");
  auto j = conversation(1);
  EXPECT_EQ(j["summary"], "Coffee, talked about Rust jobs");
  EXPECT_EQ(j["note"], "She offered an intro\nto Grace");
  EXPECT_EQ(read("seen"),
            "\n"
            "# Your conversation with Ada Lovelace (kith log, coffee).\n"
            "# The first line is the summary; the rest, after a blank line, is the note.\n"
            "# Lines starting with # are ignored; an empty message aborts.\n");
}

TEST_F(EditorCliTest, LogEditWithMessageEditsOnlyTheNote) {
  answer("Grace offered an intro\n");
  Outcome run = kith({"log", "ada", "grace", "-m", "Lunch", "--note", "draft", "--edit"});
  ASSERT_EQ(run.code, 0) << run.err;
  auto j = conversation(1);
  EXPECT_EQ(j["summary"], "Lunch");
  EXPECT_EQ(j["note"], "draft\n\nGrace offered an intro");
  std::string seen = read("seen");
  EXPECT_EQ(seen.rfind("draft\n\n# Your conversation with Ada Lovelace, Grace Hopper", 0), 0u)
      << seen;
  EXPECT_NE(seen.find("# Summary: Lunch\n"), std::string::npos) << seen;
}

TEST_F(EditorCliTest, TheFileIsPrivateInTmpdirAndRemovedAfterwards) {
  answer("Call about the role\n");
  ASSERT_EQ(kith({"log", "ada", "--edit"}).code, 0);
  EXPECT_EQ(read("seen-mode"), "600\n");
  std::filesystem::path file = read("seen-path");
  EXPECT_EQ(file.parent_path(), m_dir / "tmp");
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(EditorCliTest, WithoutMessageOrEditTheMessageIsRequired) {
  Outcome run = kith({"log", "ada"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err, "kith: error: --message is required (or --edit to write it in $EDITOR)\n");
}

TEST_F(EditorCliTest, AnEmptyMessageAbortsAndLogsNothing) {
  m_env["EDITOR"] = script("empty.sh", ": > \"$1\"\n");
  std::string before = journal_bytes();
  Outcome run = kith({"log", "ada", "--edit"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: aborted: the message was empty; nothing was changed\n");
  EXPECT_EQ(journal_bytes(), before);
  EXPECT_EQ(ok({"timeline", "ada"}).find("conversation"), std::string::npos);
  EXPECT_EQ(kith({"conversation", "show", "1"}).code, 66);
}

TEST_F(EditorCliTest, TextThatIsNotUtf8IsRefusedAndLogsNothing) {
  m_env["EDITOR"] = script("latin1.sh", "printf 'Coffee\\ncaf\\351 talk\\n' > \"$1\"\n");
  std::string before = journal_bytes();
  Outcome run = kith({"log", "ada", "--edit"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err,
            "kith: error: the message from the editor is not valid UTF-8 (line 2; save it as "
            "UTF-8); nothing was changed\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(EditorCliTest, OnlyCommentsCountAsEmpty) {
  // The template unchanged: nothing but comment lines and blank lines.
  Outcome run = kith({"log", "ada", "-m", "Lunch", "--edit"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: aborted: the note was empty; nothing was changed\n");
}

TEST_F(EditorCliTest, AFailingEditorChangesNothing) {
  m_env["EDITOR"] = script("fail.sh", "echo 'Call' >> \"$1\"\nexit 1\n");
  std::string before = journal_bytes();
  Outcome run = kith({"log", "ada", "--edit"});
  EXPECT_EQ(run.code, 74);
  EXPECT_EQ(run.err,
            "kith: error: the editor (" + path("fail.sh") + ") failed; nothing was changed\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(EditorCliTest, AMissingEditorIsNamed) {
  m_env["EDITOR"] = path("no-such-editor");
  Outcome run = kith({"log", "ada", "--edit"});
  EXPECT_EQ(run.code, 74);
  EXPECT_EQ(run.err, "kith: error: the editor (" + path("no-such-editor") +
                         ") was not found; set VISUAL or EDITOR; nothing was changed\n");
}

TEST_F(EditorCliTest, VisualBeatsEditorAndEditorsMayTakeArguments) {
  m_env["VISUAL"] = "sh " + m_env["EDITOR"];  // a command with an argument, as `code --wait`
  m_env["EDITOR"] = script("fail.sh", "exit 1\n");
  answer("Call about the role\n");
  Outcome run = kith({"log", "ada", "--edit"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(conversation(1)["summary"], "Call about the role");
}

TEST_F(EditorCliTest, AnUnknownPersonFailsBeforeTheEditorOpens) {
  Outcome run = kith({"log", "nobody", "--edit"});
  EXPECT_EQ(run.code, 66);
  EXPECT_FALSE(std::filesystem::exists(path("seen")));
}

TEST_F(EditorCliTest, ContactNoteEditShowsTheOldNoteAndReplacesIt) {
  m_env["EDITOR"] = script("replace.sh", "cp \"$1\" '" + path("seen") +
                                             "'\nprintf 'met at the compiler meetup\\n"
                                             "\\nworks on COBOL now\\n' > \"$1\"\n");
  Outcome run = kith({"contact", "edit", "grace", "--note-edit"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: updated Grace Hopper (#2)\n");
  EXPECT_EQ(read("seen"),
            "met at the compiler meetup\n"
            "\n"
            "# The note on Grace Hopper (#2) for kith contact edit --note-edit.\n"
            "# Lines starting with # are ignored; an empty message aborts.\n"
            "# (To clear the note, use --note \"\".)\n");
  auto j = nlohmann::json::parse(ok({"show", "grace", "--json"}));
  EXPECT_EQ(j["note"], "met at the compiler meetup\n\nworks on COBOL now");
}

TEST_F(EditorCliTest, ContactNoteEditEmptiedAbortsAndKeepsTheNote) {
  m_env["EDITOR"] = script("empty.sh", ": > \"$1\"\n");
  std::string before = journal_bytes();
  Outcome run = kith({"contact", "edit", "grace", "--note-edit", "--title", "Admiral"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: aborted: the note was empty; nothing was changed\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(EditorCliTest, NoteAndNoteEditExcludeEachOther) {
  EXPECT_EQ(kith({"contact", "edit", "grace", "--note", "x", "--note-edit"}).code, 64);
}

}  // namespace

}  // namespace kith::testing
