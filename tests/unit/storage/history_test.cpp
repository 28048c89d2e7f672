// The history store: one entry per write, a summary of what it changed, pruning to the last
// k_history_limit entries, and exact reverts that refuse to go over a changed row.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>

#include "kith/error.hpp"
#include "kith/storage/history_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

namespace {

constexpr const char* k_at = "2026-11-26T09:00:00Z";

class HistoryStoreTest : public ::testing::Test {
 protected:
  Journal journal = Journal::in_memory();

  HistoryStoreTest() { journal.record_history("test", k_at); }

  void exec(const std::string& sql) {
    journal.write([&] { journal.database().exec(sql); });
  }
  void add_contact(int n) {
    exec(
        "INSERT INTO contact (uid, name, name_key, added_on, created_at, updated_at) VALUES "
        "('u-" +
        std::to_string(n) + "', 'Person " + std::to_string(n) + "', 'person " + std::to_string(n) +
        "', '2026-11-26', '" + k_at + "', '" + k_at + "')");
  }
  std::string names() {
    std::string out;
    journal.read([&] {
      SQLite::Statement stmt(journal.database(),
                             "SELECT coalesce(group_concat(name, ', '), '') FROM "
                             "(SELECT name FROM contact ORDER BY id)");
      if (stmt.executeStep()) out = stmt.getColumn(0).getString();
    });
    return out;
  }
  std::vector<HistoryEntry> latest(int n = k_history_limit) {
    std::vector<HistoryEntry> out;
    journal.read([&] { out = HistoryStore(journal).latest(n); });
    return out;
  }
  void undo_latest() {
    auto entry = latest(1).at(0);
    journal.record_history("", "");
    journal.write([&] { HistoryStore(journal).revert(entry); });
    journal.record_history("test", k_at);
  }
};

TEST_F(HistoryStoreTest, EachWriteIsOneEntryWithASummaryOfWhatChanged) {
  add_contact(1);
  add_contact(2);
  exec("UPDATE contact SET company = 'Stripe' WHERE id = 1; DELETE FROM contact WHERE id = 2");
  auto entries = latest();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].summary, "changed 1 contact; removed 1 contact");
  EXPECT_FALSE(entries[0].from_empty);
  EXPECT_EQ(entries[1].summary, "added 1 contact");
  EXPECT_EQ(entries[2].summary, "added 1 contact");
  EXPECT_TRUE(entries[2].from_empty);
  EXPECT_EQ(entries[0].command, "test");
  EXPECT_EQ(entries[0].at, k_at);
  EXPECT_GT(entries[0].id, entries[1].id);
}

TEST_F(HistoryStoreTest, AWriteThatChangesNothingRecordsNothing) {
  add_contact(1);
  exec("UPDATE contact SET company = NULL WHERE id = 99");
  EXPECT_EQ(latest().size(), 1u);
}

TEST_F(HistoryStoreTest, KeepsOnlyTheNewestEntries) {
  for (int i = 1; i <= k_history_limit + 5; ++i) add_contact(i);
  auto entries = latest(1000);
  ASSERT_EQ(entries.size(), static_cast<std::size_t>(k_history_limit));
  EXPECT_EQ(entries.front().id, k_history_limit + 5);
  EXPECT_EQ(entries.back().id, 6);
}

TEST_F(HistoryStoreTest, RevertsAnUpdateAndADeleteExactly) {
  add_contact(1);
  add_contact(2);
  exec("UPDATE contact SET company = 'Stripe' WHERE id = 1; DELETE FROM contact WHERE id = 2");
  undo_latest();
  EXPECT_EQ(names(), "Person 1, Person 2");
  journal.read([&] {
    EXPECT_TRUE(journal.database().execAndGet("SELECT company FROM contact WHERE id = 1").isNull());
  });
  EXPECT_EQ(latest().size(), 2u);
  undo_latest();
  EXPECT_EQ(names(), "Person 1");
  undo_latest();  // the first change to an empty journal: undo empties it
  EXPECT_EQ(names(), "");
  EXPECT_TRUE(latest().empty());
}

TEST_F(HistoryStoreTest, RefusesToRevertOverARowChangedSinceAndChangesNothing) {
  add_contact(1);
  add_contact(2);
  exec("UPDATE contact SET company = 'Stripe' WHERE id = 2");
  // Another program changes the same row without recording history.
  journal.record_history("", "");
  exec("UPDATE contact SET company = 'Plaid' WHERE id = 2");
  journal.record_history("test", k_at);
  auto entry = latest(1).at(0);
  journal.record_history("", "");
  try {
    journal.write([&] { HistoryStore(journal).revert(entry); });
    FAIL() << "the revert went over a changed row";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_data);
    EXPECT_NE(std::string(e.what()).find("nothing was changed"), std::string::npos) << e.what();
  }
  journal.read([&] {
    EXPECT_EQ(journal.database().execAndGet("SELECT company FROM contact WHERE id = 2").getString(),
              "Plaid");
  });
  EXPECT_EQ(latest().size(), 3u);
}

}  // namespace

}  // namespace kith
