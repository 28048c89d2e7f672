// `kith history` and `kith undo`: every change is one entry, and undo takes entries back
// exactly, an import or a merge as a whole.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "kith/storage/journal.hpp"

namespace kith::testing {

namespace {

class HistoryCliTest : public CliTest {
 protected:
  std::string dump() { return ok({"export", "--format", "jsonl"}); }
};

TEST_F(HistoryCliTest, EachCommandIsOneEntryNewestFirst) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com", "--tag", "a"});
  ok({"log", "ada", "-m", "coffee chat", "--channel", "coffee"});
  ok({"contact", "edit", "ada", "--company", "Analytical"});
  auto out = ok({"history"});
  EXPECT_NE(out.find("#3  "), std::string::npos);
  auto j = nlohmann::json::parse(ok({"--json", "history"}));
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["id"], 3);
  EXPECT_EQ(j[0]["command"], "contact edit ada --company Analytical");
  EXPECT_EQ(j[0]["summary"], "changed 1 contact");
  EXPECT_EQ(j[1]["command"], "log ada -m 'coffee chat' --channel coffee");
  EXPECT_EQ(j[1]["summary"], "added 1 conversation, 1 follow-up");
  EXPECT_EQ(j[2]["command"], "add 'Ada Lovelace' --email ada@example.com --tag a");
  EXPECT_EQ(j[2]["summary"], "added 1 contact");
  EXPECT_EQ(j[2]["from_empty"], true);
  EXPECT_EQ(j[0]["at"].get<std::string>().size(), 20u);
}

TEST_F(HistoryCliTest, UndoRevertsTheLastChangesExactly) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com"});
  ok({"add", "Grace Hopper", "--via", "ada"});
  auto before = dump();
  ok({"log", "ada", "grace", "-m", "lunch", "--channel", "coffee"});
  ok({"contact", "edit", "grace", "--tag", "navy", "--note", "COBOL"});
  ok({"contact", "rm", "ada", "--yes"});
  auto r = kith({"undo", "3"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(
      r.err,
      "kith: undid #5 kith contact rm ada --yes (changed 1 contact, 1 conversation; removed 1 "
      "contact, 1 follow-up)\n"
      "kith: undid #4 kith contact edit grace --tag navy --note COBOL (changed 1 contact)\n"
      "kith: undid #3 kith log ada grace -m lunch --channel coffee (added 1 conversation, "
      "2 follow-ups)\n");
  EXPECT_EQ(dump(), before);
  // The search index followed the undo too: check finds nothing out of step.
  auto check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.err;
  EXPECT_NE(check.err.find(" is fine ("), std::string::npos) << check.err;
}

TEST_F(HistoryCliTest, UndoOfAnImportRemovesWhatItAddedAndRestoresWhatItUpdated) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com"});
  auto before = dump();
  std::ofstream(m_dir / "people.csv") << "Name,Email,Company\n"
                                         "Ada Lovelace,ada@example.com,Analytical\n"
                                         "Grace Hopper,grace@example.com,Navy\n";
  ok({"import", (m_dir / "people.csv").string()});
  EXPECT_NE(dump(), before);
  auto j = nlohmann::json::parse(ok({"--json", "history", "-n", "1"}));
  EXPECT_EQ(j[0]["summary"], "added 1 contact; changed 1 contact");
  ok({"undo"});
  EXPECT_EQ(dump(), before);
}

TEST_F(HistoryCliTest, UndoOfTheFirstChangeEmptiesTheJournal) {
  std::ofstream(m_dir / "people.csv") << "Name\nAda\nGrace\n";
  ok({"import", (m_dir / "people.csv").string()});
  ok({"undo"});
  EXPECT_EQ(ok({"contact", "list", "--plain"}), "");
  EXPECT_EQ(ok({"search", "ada"}), "");
}

TEST_F(HistoryCliTest, DryRunShowsAndChangesNothing) {
  ok({"add", "Ada"});
  ok({"add", "Grace"});
  auto bytes = journal_bytes();
  EXPECT_EQ(ok({"undo", "2", "--dry-run"}),
            "would undo #2 kith add Grace (added 1 contact)\n"
            "would undo #1 kith add Ada (added 1 contact)\n");
  EXPECT_EQ(journal_bytes(), bytes);
}

TEST_F(HistoryCliTest, UndoBeyondTheHistoryChangesNothing) {
  auto r = kith({"undo"});
  EXPECT_EQ(r.code, 66);
  EXPECT_EQ(r.err, "kith: error: nothing to undo: the history is empty\n");
  ok({"add", "Ada"});
  auto bytes = journal_bytes();
  r = kith({"undo", "2"});
  EXPECT_EQ(r.code, 66);
  EXPECT_EQ(r.err, "kith: error: the history holds only 1 change; nothing was undone\n");
  EXPECT_EQ(journal_bytes(), bytes);
  r = kith({"undo", "0"});
  EXPECT_EQ(r.code, 64);
}

TEST_F(HistoryCliTest, UndoRefusesWhenTheJournalChangedBehindKithsBack) {
  ok({"add", "Ada"});
  ok({"contact", "edit", "ada", "--company", "Analytical"});
  {
    // Another program changes the row kith's last change wrote; it records no history.
    auto journal = Journal::open(m_db, Journal::Access::write);
    journal.write([&] { journal.database().exec("UPDATE contact SET company = 'Babbage'"); });
  }
  auto bytes = journal_bytes();
  auto r = kith({"undo"});
  EXPECT_EQ(r.code, 65);
  EXPECT_EQ(r.err,
            "kith: error: cannot undo #2 exactly: a contact record changed since; nothing was "
            "changed\n");
  EXPECT_EQ(journal_bytes(), bytes);
}

TEST_F(HistoryCliTest, NothingIsRecordedByReadsOrFailedWrites) {
  ok({"add", "Ada"});
  ok({"contact", "list"});
  ok({"search", "ada"});
  EXPECT_EQ(kith({"add", ""}).code, 65);
  auto j = nlohmann::json::parse(ok({"--json", "history"}));
  EXPECT_EQ(j.size(), 1u);
}

}  // namespace

}  // namespace kith::testing
