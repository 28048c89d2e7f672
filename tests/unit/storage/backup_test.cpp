// Backups must be consistent snapshots even while another connection writes, private, and
// whole or absent; a restore must refuse anything that is not a sound kith backup.
#include "kith/storage/backup.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "../services/test_support.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/migrations.hpp"

namespace kith {
namespace {

namespace fs = std::filesystem;
using test::fails_with;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "kith-backup-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    m_dir = pattern;
    m_path = m_dir / "journal.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  // Adds a contact with one email in one transaction, as an import does record by record.
  static void add_contact(Journal& journal, int n) {
    journal.write([&] {
      std::string id = std::to_string(n);
      SQLite::Statement contact(journal.database(),
                                "INSERT INTO contact (uid, name, name_key, added_on, created_at, "
                                "updated_at) VALUES (?1, ?2, ?3, '2026-11-26', "
                                "'2026-11-26T08:00:00Z', '2026-11-26T08:00:00Z')");
      contact.bind(1, "uid-" + id);
      contact.bind(2, "Person " + id);
      contact.bind(3, "person " + id);
      contact.exec();
      SQLite::Statement email(journal.database(),
                              "INSERT INTO contact_email (contact_id, position, email) "
                              "VALUES (?1, 0, ?2)");
      email.bind(1, journal.database().getLastInsertRowid());
      email.bind(2, "person" + id + "@example.com");
      email.exec();
    });
  }

  static int count(const fs::path& path, const std::string& table) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt();
  }

  static unsigned mode(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }

  static std::string bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

  // The names in `dir`, to show nothing half-written was left behind.
  static std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path m_dir;
  fs::path m_path;
};

TEST_F(BackupTest, NamesDefaultBackupsAfterTheJournalAndTheTime) {
  EXPECT_EQ(backup_stamp("2026-11-26T15:42:00Z"), "20261126T154200Z");
  EXPECT_EQ(default_backup_path("/home/a/kith/journal.db", "20261126T154200Z"),
            fs::path("/home/a/kith/backups/journal-20261126T154200Z.db"));
  fs::create_directories(m_dir / "backups");
  std::ofstream(m_dir / "backups" / "journal-20261126T154200Z.db") << "taken";
  EXPECT_EQ(unused_backup_path(m_path, "20261126T154200Z"),
            m_dir / "backups" / "journal-20261126T154200Z-2.db");
}

TEST_F(BackupTest, WritesAPrivateSelfContainedKithJournalIntoANewBackupsDirectory) {
  Journal journal = Journal::open(m_path, Journal::Access::write);
  add_contact(journal, 1);
  add_contact(journal, 2);
  fs::path target = default_backup_path(m_path, "20261126T154200Z");
  backup_database(journal.database(), target);
  EXPECT_EQ(mode(m_dir / "backups"), 0700u);
  EXPECT_EQ(mode(target), 0600u);
  EXPECT_EQ(entries(m_dir / "backups"), std::vector<std::string>{target.filename().string()});
  EXPECT_EQ(validate_backup(target), Journal::latest_version());
  EXPECT_EQ(count(target, "contact"), 2);
  EXPECT_EQ(count(target, "contact_email"), 2);
  SQLite::Database copy(target.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(copy.execAndGet("PRAGMA journal_mode").getString(), "delete");
}

TEST_F(BackupTest, RefusesAnExistingFileUnlessToldToReplaceIt) {
  Journal journal = Journal::open(m_path, Journal::Access::write);
  add_contact(journal, 1);
  fs::path target = m_dir / "copy.db";
  std::ofstream(target) << "last week's copy";
  EXPECT_TRUE(fails_with([&] { backup_database(journal.database(), target); },
                         ErrorKind::cant_create,
                         {target.string() + " already exists; use --force to replace it"}));
  EXPECT_TRUE(fails_with([&] { backup_database(journal.database(), target, false); },
                         ErrorKind::cant_create, {"already exists"}));
  EXPECT_EQ(bytes(target), "last week's copy");
  backup_database(journal.database(), target, true);
  EXPECT_EQ(count(target, "contact"), 1);
  EXPECT_EQ(mode(target), 0600u);
}

TEST_F(BackupTest, ANamedDestinationInAMissingDirectoryIsRefusedAndNothingIsCreated) {
  Journal journal = Journal::open(m_path, Journal::Access::write);
  fs::path target = m_dir / "typo" / "copy.db";
  EXPECT_TRUE(fails_with([&] { backup_database(journal.database(), target, false); },
                         ErrorKind::cant_create,
                         {"directory " + (m_dir / "typo").string() + " does not exist"}));
  EXPECT_FALSE(fs::exists(m_dir / "typo"));
}

TEST_F(BackupTest, ASnapshotLeavesOutAnotherConnectionsUncommittedWrite) {
  Journal writer = Journal::open(m_path, Journal::Access::write);
  add_contact(writer, 1);
  Journal reader = Journal::open(m_path, Journal::Access::read);
  fs::path target = m_dir / "snapshot.db";
  writer.write([&] {
    SQLite::Statement insert(writer.database(),
                             "INSERT INTO contact (uid, name, name_key, added_on, created_at, "
                             "updated_at) VALUES ('uid-2', 'Grace', 'grace', '2026-11-26', "
                             "'2026-11-26T08:00:00Z', '2026-11-26T08:00:00Z')");
    insert.exec();
    // The write transaction is open: the backup must neither wait for it nor see it.
    backup_database(reader.database(), target, false);
  });
  EXPECT_EQ(count(target, "contact"), 1);
  EXPECT_EQ(count(m_path, "contact"), 2);
}

TEST_F(BackupTest, BackupsTakenDuringAConcurrentImportRestoreToConsistentJournals) {
  { Journal::open(m_path, Journal::Access::write); }
  std::atomic<bool> stop{false};
  std::atomic<bool> finished{false};
  std::atomic<int> written{0};
  std::thread importer([&] {
    try {
      Journal journal = Journal::open(m_path, Journal::Access::write);
      for (int n = 1; n <= 400 && !stop; ++n) {
        add_contact(journal, n);
        written = n;
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
    finished = true;
  });
  std::vector<fs::path> copies;
  for (int i = 0; i < 5; ++i) {
    while (written < (i + 1) * 20 && !finished) std::this_thread::yield();
    Journal reader = Journal::open(m_path, Journal::Access::read);
    copies.push_back(m_dir / ("copy-" + std::to_string(i) + ".db"));
    backup_database(reader.database(), copies.back(), false);
  }
  stop = true;
  importer.join();
  int previous = 0;
  for (const auto& copy : copies) {
    EXPECT_EQ(validate_backup(copy), Journal::latest_version());
    fs::path restored = m_dir / ("restored-" + copy.filename().string());
    copy_into_journal(copy, restored);
    int contacts = count(restored, "contact");
    EXPECT_EQ(count(restored, "contact_email"), contacts) << copy;  // never half a record
    EXPECT_GE(contacts, previous);
    previous = contacts;
    SQLite::Database db(restored.string(), SQLite::OPEN_READONLY);
    EXPECT_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
  }
  EXPECT_GE(previous, 100);
}

TEST_F(BackupTest, CopyingIntoALiveJournalReplacesItsContentForEveryConnection) {
  Journal journal = Journal::open(m_path, Journal::Access::write);
  add_contact(journal, 1);
  fs::path target = m_dir / "one.db";
  backup_database(journal.database(), target, false);
  add_contact(journal, 2);
  add_contact(journal, 3);
  copy_into_journal(target, m_path);
  // The connection that stayed open sees the restored content, not a stale cache.
  int seen = 0;
  journal.read(
      [&] { seen = journal.database().execAndGet("SELECT count(*) FROM contact").getInt(); });
  EXPECT_EQ(seen, 1);
}

TEST_F(BackupTest, ValidationRefusesWhatIsNotASoundKithBackup) {
  EXPECT_TRUE(fails_with([&] { validate_backup(m_dir / "missing.db"); }, ErrorKind::not_found,
                         {"no backup at " + (m_dir / "missing.db").string()}));
  std::ofstream(m_dir / "notes.txt") << "not a database at all\n";
  EXPECT_TRUE(fails_with([&] { validate_backup(m_dir / "notes.txt"); }, ErrorKind::corrupt,
                         {"is not a kith backup (not an SQLite database)"}));
  {
    SQLite::Database other((m_dir / "other.db").string(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  EXPECT_TRUE(fails_with([&] { validate_backup(m_dir / "other.db"); }, ErrorKind::corrupt,
                         {"an SQLite database of another application"}));
  {
    SQLite::Database newer((m_dir / "newer.db").string(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    newer.exec("PRAGMA application_id = " + std::to_string(k_application_id));
    newer.exec("PRAGMA user_version = " + std::to_string(Journal::latest_version() + 1));
  }
  EXPECT_TRUE(fails_with([&] { validate_backup(m_dir / "newer.db"); }, ErrorKind::schema_too_new,
                         {"was written by a newer kith", "upgrade kith to restore it"}));
}

TEST_F(BackupTest, ValidationRefusesADamagedBackup) {
  Journal journal = Journal::open(m_path, Journal::Access::write);
  for (int n = 1; n <= 50; ++n) add_contact(journal, n);
  fs::path target = m_dir / "damaged.db";
  backup_database(journal.database(), target, false);
  // Scribble over the contact table's first page, leaving the file's header readable.
  std::int64_t page = 0;
  std::int64_t size = 0;
  {
    SQLite::Database db(target.string(), SQLite::OPEN_READONLY);
    page = db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'contact'").getInt64();
    size = db.execAndGet("PRAGMA page_size").getInt64();
  }
  {
    std::fstream file(target, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp((page - 1) * size);
    std::string junk(static_cast<std::size_t>(size), '\xA5');
    file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  EXPECT_TRUE(fails_with([&] { validate_backup(target); }, ErrorKind::corrupt,
                         {target.string() + " is damaged (", "choose another backup"}));
}

}  // namespace
}  // namespace kith
