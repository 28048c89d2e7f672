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

// A long write (an import) hands its history over in pieces, so memory does not grow with it;
// the entry still reads and reverts as one.
TEST_F(HistoryStoreTest, ALongWriteIsRecordedInPiecesAndRevertsExactly) {
  add_contact(1);
  add_contact(2);
  auto count = [&](const char* sql) {
    int n = 0;
    journal.read([&] { n = journal.database().execAndGet(sql).getInt(); });
    return n;
  };
  journal.write([&] {
    auto& db = journal.database();
    // More records than one piece holds (ChangeRecorder::k_piece_records).
    for (int n = 3; n <= 2 * ChangeRecorder::k_piece_records + 2; ++n) {
      SQLite::Statement insert(db,
                               "INSERT INTO contact (uid, name, name_key, note, added_on, "
                               "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '2026-11-26', ?5, "
                               "?5)");
      insert.bind(1, "u-" + std::to_string(n));
      insert.bind(2, "Person " + std::to_string(n));
      insert.bind(3, "person " + std::to_string(n));
      insert.bind(4, "met at a meetup");
      insert.bind(5, k_at);
      insert.exec();
      // A row from before the write, and a row added in an earlier piece, changed in a later.
      if (n == ChangeRecorder::k_piece_records + 10)
        db.exec("UPDATE contact SET company = 'Stripe' WHERE id IN (1, 3)");
      journal.bound_history();
    }
  });
  EXPECT_EQ(count("SELECT count(*) FROM history_piece"), 2);
  EXPECT_EQ(latest(1).at(0).summary, "added " +
                                         std::to_string(2 * ChangeRecorder::k_piece_records) +
                                         " contacts; changed 1 contact");
  EXPECT_EQ(latest().size(), 3u);

  undo_latest();
  EXPECT_EQ(names(), "Person 1, Person 2");
  EXPECT_EQ(count("SELECT count(*) FROM contact WHERE company IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM history_piece"), 0);  // gone with its entry
  EXPECT_EQ(latest().size(), 2u);
}

TEST_F(HistoryStoreTest, BoundingOutsideAWriteOrWithoutHistoryDoesNothing) {
  journal.bound_history();
  add_contact(1);
  journal.record_history("", "");
  journal.write([&] { journal.bound_history(); });
  journal.read([&] {
    EXPECT_EQ(journal.database().execAndGet("SELECT count(*) FROM history_piece").getInt(), 0);
  });
}

}  // namespace

}  // namespace kith
