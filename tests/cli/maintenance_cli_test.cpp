// `kith backup`, `kith restore` and `kith check` as a user meets them: private copies that
// print their path, a restore that checks the backup first and keeps the journal it replaces,
// and a check that only reads and exits 65 with what to do when something is wrong.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixture.hpp"
#include "kith/storage/migrations.hpp"

namespace kith::testing {

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

unsigned mode(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// Runs SQL on `db` behind kith's back (foreign keys off, as in any plain connection).
void sql(const fs::path& db, const std::string& statements) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(handle, statements.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(handle);
}

// The first column of the first row `query` gives on `db`, as text.
std::string scalar(const fs::path& db, const std::string& query) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(handle, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return value;
}

// Overwrites the first page of `table` in `db` with junk, leaving the file's header readable,
// as a disk error or a stray write would.
void scribble_over(const fs::path& db, const std::string& table) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string query =
      "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
      "FROM sqlite_schema WHERE name = '" +
      table + "'";
  ASSERT_EQ(sqlite3_prepare_v2(handle, query.c_str(), -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  std::int64_t page = sqlite3_column_int64(stmt, 0);
  std::int64_t size = sqlite3_column_int64(stmt, 1);
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  std::fstream file(db, std::ios::binary | std::ios::in | std::ios::out);
  file.seekp((page - 1) * size);
  std::string junk(static_cast<std::size_t>(size), '\xA5');
  file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// A journal as kith wrote it at schema version 4, with one contact when `with_contact`.
void write_version_4(const fs::path& db, bool with_contact) {
  std::string steps;
  for (int i = 0; i < 4; ++i) steps += std::string(migrations()[static_cast<std::size_t>(i)]);
  sql(db, steps + "PRAGMA application_id = " + std::to_string(k_application_id) +
              "; PRAGMA user_version = 4;" +
              (with_contact
                   ? "INSERT INTO contact (uid, name, name_key, added_on, created_at, updated_at) "
                     "VALUES ('u-1', 'Søren Kierkegaard', 'soren kierkegaard', '2020-01-01', "
                     "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');"
                   : ""));
}

std::string schema(int version) { return std::to_string(version); }

class MaintenanceTest : public CliTest {
 protected:
  std::string line(const std::string& out) {
    EXPECT_FALSE(out.empty());
    EXPECT_EQ(out.back(), '\n');
    return out.substr(0, out.size() - 1);
  }
  fs::path backups() const { return m_dir / "backups"; }
  std::string latest() const { return schema(Journal::latest_version()); }
  std::string restore_hint() const {
    return "restore a good backup with kith restore PATH (backups are in " + backups().string() +
           ")";
  }
};

TEST_F(MaintenanceTest, BackupWritesAPrivateCopyBesideTheJournalAndPrintsItsPath) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com"});
  Outcome run = kith({"backup"});
  EXPECT_EQ(run.code, 0) << run.err;
  fs::path copy = line(run.out);
  EXPECT_EQ(copy.parent_path(), backups());
  EXPECT_EQ(copy.filename().string().rfind("journal-", 0), 0u) << copy;
  EXPECT_EQ(copy.extension(), ".db");
  EXPECT_EQ(run.err, "kith: backed up " + m_db.string() + " to " + copy.string() + "\n");
  EXPECT_EQ(mode(backups()), 0700u);
  EXPECT_EQ(mode(copy), 0600u);
  // Only the copy: no temporary or side file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(backups()), fs::directory_iterator()), 1);
  Outcome check = kith_raw({"--db", copy.string(), "check", "--full"});
  EXPECT_EQ(check.code, 0) << check.err;
  auto list =
      nlohmann::json::parse(kith_raw({"--db", copy.string(), "contact", "list", "--json"}).out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "Ada Lovelace");

  // A second backup in the same second gets its own name.
  Outcome again = kith({"backup"});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_NE(line(again.out), copy.string());
}

TEST_F(MaintenanceTest, BackupToANamedFileNeedsForceToReplaceIt) {
  ok({"add", "Ada Lovelace"});
  std::string copy = (m_dir / "kith-copy.db").string();
  Outcome run = kith({"backup", copy, "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["backup"], copy);
  EXPECT_EQ(json["journal"], m_db.string());
  std::string first = read(copy);

  run = kith({"backup", copy});
  EXPECT_EQ(run.code, 73);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: error: " + copy + " already exists; use --force to replace it\n");
  EXPECT_EQ(read(copy), first);

  ok({"add", "Grace Hopper"});
  run = kith({"backup", copy, "--force"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, copy + "\n");
  EXPECT_EQ(mode(copy), 0600u);
  auto list = nlohmann::json::parse(kith_raw({"--db", copy, "contact", "list", "--json"}).out);
  EXPECT_EQ(list.size(), 2u);
}

TEST_F(MaintenanceTest, BackupOfAMissingJournalOrIntoAMissingDirectoryFails) {
  Outcome run = kith({"backup"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: no journal at " + m_db.string() +
                         "; nothing to back up (check --db or KITH_DB)\n");
  ok({"add", "Ada Lovelace"});
  std::string target = (m_dir / "typo" / "copy.db").string();
  run = kith({"backup", target});
  EXPECT_EQ(run.code, 73);
  EXPECT_EQ(run.err, "kith: error: cannot write " + target + ": directory " +
                         (m_dir / "typo").string() + " does not exist\n");
  EXPECT_FALSE(fs::exists(m_dir / "typo"));
}

TEST_F(MaintenanceTest, RestoreBringsBackTheJournalAsItWasAndKeepsTheReplacedOneAside) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com", "--tag", "a"});
  ok({"log", "ada", "-m", "coffee about Rust jobs", "--channel", "coffee"});
  std::string at_backup = ok({"export"});
  fs::path copy = line(ok({"backup"}));
  ok({"add", "Grace Hopper"});
  ok({"contact", "rm", "ada", "--yes"});
  std::string before_restore = ok({"export"});
  ASSERT_NE(before_restore, at_backup);

  Outcome run = kith({"restore", copy.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  fs::path aside = line(run.out);
  EXPECT_EQ(aside.parent_path(), backups());
  EXPECT_EQ(aside.filename().string().rfind("journal-before-restore-", 0), 0u) << aside;
  EXPECT_EQ(run.err, "kith: restored " + m_db.string() + " from " + copy.string() +
                         "; the journal it replaced is kept at " + aside.string() +
                         " (kith restore that file to go back)\n");
  EXPECT_EQ(ok({"export"}), at_backup);
  EXPECT_EQ(mode(aside), 0600u);
  std::string kept = kith_raw({"--db", aside.string(), "export"}).out;
  EXPECT_EQ(kept, before_restore);
  EXPECT_EQ(kith({"check"}).code, 0);

  // And back again, from the copy kept aside.
  run = kith({"restore", aside.string(), "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["restored_from"], aside.string());
  EXPECT_EQ(json["schema_version"], Journal::latest_version());
  EXPECT_TRUE(json["kept_aside"].is_string());
  EXPECT_EQ(ok({"export"}), before_restore);
}

TEST_F(MaintenanceTest, RestoreIntoAMissingJournalCreatesItWithoutKeepingAnything) {
  ok({"add", "Ada Lovelace"});
  fs::path copy = line(ok({"backup"}));
  fs::remove(m_db);
  Outcome run = kith({"restore", copy.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: restored " + m_db.string() + " from " + copy.string() + "\n");
  EXPECT_EQ(mode(m_db), 0600u);
  EXPECT_NE(ok({"show", "ada"}).find("Ada Lovelace"), std::string::npos);
}

TEST_F(MaintenanceTest, RestoreUpgradesABackupFromAnOlderKith) {
  fs::path old = m_dir / "old.db";
  write_version_4(old, true);
  ok({"add", "Ada Lovelace"});
  Outcome run = kith({"restore", old.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.err.find(" (upgraded from schema 4 to " + latest() + ")"), std::string::npos)
      << run.err;
  EXPECT_NE(ok({"show", "soren"}).find("Søren Kierkegaard"), std::string::npos);
  EXPECT_EQ(kith({"show", "ada"}).code, 66);
  EXPECT_EQ(kith({"check", "--full"}).code, 0);
}

TEST_F(MaintenanceTest, AnUpgradeFirstKeepsACopyOfTheOlderJournal) {
  write_version_4(m_db, true);
  Outcome run = kith({"contact", "list", "--plain"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("Søren Kierkegaard"), std::string::npos);
  ASSERT_TRUE(fs::is_directory(backups()));
  std::vector<fs::path> copies{fs::directory_iterator(backups()), fs::directory_iterator()};
  ASSERT_EQ(copies.size(), 1u);
  const fs::path copy = copies.front();
  EXPECT_EQ(copy.filename().string().rfind("journal-before-upgrade-", 0), 0u) << copy;
  EXPECT_EQ(run.err, "kith: upgraded the journal to this kith's format; the old one is kept as " +
                         copy.string() + "\n");
  EXPECT_EQ(mode(copy), 0600u);
  EXPECT_EQ(scalar(copy, "PRAGMA user_version"), "4");
  EXPECT_EQ(scalar(copy, "SELECT group_concat(name) FROM contact"), "Søren Kierkegaard");
  // The upgraded journal is searchable at once; a second command upgrades nothing.
  EXPECT_NE(ok({"search", "soren"}).find("Kierkegaard"), std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(backups()), fs::directory_iterator()), 1);
}

TEST_F(MaintenanceTest, AnEmptyOlderJournalIsUpgradedWithoutACopy) {
  write_version_4(m_db, false);
  Outcome run = kith({"due"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_FALSE(fs::exists(backups()));
}

TEST_F(MaintenanceTest, RestoreRefusesWhatIsNotASoundBackupAndLeavesTheJournalAlone) {
  ok({"add", "Ada Lovelace"});
  std::string before = journal_bytes();
  auto refused = [&](const fs::path& path, int code, const std::string& message) {
    Outcome run = kith({"restore", path.string()});
    EXPECT_EQ(run.code, code) << path;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "kith: error: " + message + "\n");
    EXPECT_EQ(journal_bytes(), before) << path;
    EXPECT_FALSE(fs::exists(backups())) << "nothing kept aside for " << path;
  };
  fs::path missing = m_dir / "missing.db";
  refused(missing, 66,
          "no backup at " + missing.string() +
              "; check the path (kith backup prints each one it writes)");

  fs::path text = m_dir / "notes.txt";
  std::ofstream(text) << "not a database\n";
  refused(text, 65,
          text.string() + " is not a kith backup (not an SQLite database); nothing was changed");

  fs::path foreign = m_dir / "firefox.sqlite";
  sql(foreign, "CREATE TABLE moz_places (url TEXT);");
  refused(foreign, 65,
          foreign.string() +
              " is not a kith backup (an SQLite database of another application); nothing was "
              "changed");

  fs::path newer = m_dir / "newer.db";
  int next = Journal::latest_version() + 1;
  sql(newer, "PRAGMA application_id = " + std::to_string(k_application_id) +
                 "; PRAGMA user_version = " + std::to_string(next) + ";");
  refused(newer, 78,
          newer.string() + " was written by a newer kith (schema " + schema(next) +
              ", this kith knows " + latest() +
              "); upgrade kith to restore it; nothing was changed");

  // A real backup with one of its pages scribbled over.
  fs::path damaged = m_dir / "damaged.db";
  for (int i = 0; i < 40; ++i) ok({"add", "Person " + std::to_string(i)});
  ASSERT_EQ(kith({"backup", damaged.string()}).code, 0);
  fs::remove_all(backups());
  before = journal_bytes();
  scribble_over(damaged, "contact");
  Outcome run = kith({"restore", damaged.string()});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err.rfind("kith: error: " + damaged.string() + " is damaged (", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("; choose another backup; nothing was changed\n"), std::string::npos)
      << run.err;
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(MaintenanceTest, RestoreRefusesToReplaceAFileThatIsNotAKithJournal) {
  ok({"add", "Ada Lovelace"});
  fs::path copy = line(ok({"backup"}));
  fs::path foreign = m_dir / "places.sqlite";
  sql(foreign, "CREATE TABLE moz_places (url TEXT);");
  std::string before = read(foreign);
  Outcome run = kith_raw({"--db", foreign.string(), "restore", copy.string()});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: " + foreign.string() +
                         " is an SQLite database of another application, not a kith journal; "
                         "use --db to name your journal\n");
  EXPECT_EQ(read(foreign), before);
}

TEST_F(MaintenanceTest, CheckPassesAGoodJournalAndChangesNothing) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com"});
  ok({"log", "ada", "-m", "coffee"});
  ok({"follow-up", "add", "ada", "fri", "send the CV"});
  ok({"follow-up", "done", "1"});
  std::string before = journal_bytes();
  Outcome run = kith({"check"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: " + m_db.string() +
                         " is fine (quick check, foreign keys, kith's rules and the search "
                         "index; schema " +
                         latest() + ")\n");
  run = kith({"check", "--full", "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["check"], "full");
  EXPECT_EQ(json["ok"], true);
  EXPECT_EQ(json["problems"], nlohmann::json::array());
  EXPECT_EQ(json["schema_version"], Journal::latest_version());
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(MaintenanceTest, CheckFindsAStaleNameKeyAndSaysWhatToDo) {
  ok({"add", "Ada Lovelace"});
  sql(m_db, "UPDATE contact SET name_key = 'someone else' WHERE id = 1;");
  std::string before = journal_bytes();
  Outcome run = kith({"check"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: error: " + m_db.string() +
                         ": contact 1 (Ada Lovelace) has the name key 'someone else', expected "
                         "'ada lovelace'; kith matches names by this key; editing the record "
                         "recomputes it (kith contact edit ID --name NAME, kith event edit ID "
                         "--name NAME)\n"
                         "kith: error: the check found 1 problem in " +
                         m_db.string() + "; the check changed nothing\n");
  EXPECT_EQ(journal_bytes(), before);
  ok({"contact", "edit", "1", "--name", "Ada Lovelace"});
  EXPECT_EQ(kith({"check"}).code, 0);
}

TEST_F(MaintenanceTest, CheckFindsAForeignKeyViolationAndAFollowUpInTwoMinds) {
  ok({"add", "Ada Lovelace"});
  ok({"follow-up", "add", "ada", "fri", "send the CV"});
  sql(m_db,
      "INSERT INTO follow_up (uid, contact_id, due_on, origin, status, created_at, updated_at) "
      "VALUES ('u-orphan', 99, '2026-12-01', 'manual', 'open', '2026-11-26T08:00:00Z', "
      "'2026-11-26T08:00:00Z');"
      "UPDATE follow_up SET status = 'done' WHERE id = 1;");
  std::string before = journal_bytes();
  Outcome run = kith({"check", "--json"});
  EXPECT_EQ(run.code, 65);
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["ok"], false);
  ASSERT_EQ(json["problems"].size(), 2u) << run.out;
  EXPECT_EQ(json["problems"][0]["problem"], "follow_up 2 refers to a missing contact");
  EXPECT_EQ(json["problems"][0]["fix"], restore_hint() + ", or report this as a bug");
  EXPECT_EQ(json["problems"][1]["problem"], "follow-up 1 is done but has no closed date");
  EXPECT_EQ(run.err, "kith: error: the check found 2 problems in " + m_db.string() +
                         "; the check changed nothing\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(MaintenanceTest, CheckReportsATombstoneNamingALiveRecord) {
  ok({"add", "Ada Lovelace"});
  sql(m_db,
      "INSERT INTO tombstone (uid, kind, deleted_at) "
      "SELECT uid, 'contact', '2026-11-26T08:00:00Z' FROM contact WHERE id = 1;");
  Outcome run = kith({"check"});
  EXPECT_EQ(run.code, 65);
  EXPECT_NE(run.err.find(" is live but also marked deleted; "), std::string::npos) << run.err;
}

// Text stored before kith refused invalid UTF-8 on input is found and named.
TEST_F(MaintenanceTest, CheckReportsTextThatIsNotUtf8) {
  ok({"add", "Ada Lovelace"});
  sql(m_db, "UPDATE contact SET url = CAST(X'4163ff6d65' AS TEXT) WHERE id = 1;");
  Outcome run = kith({"check"});
  EXPECT_EQ(run.code, 65);
  EXPECT_NE(run.err.find("contact 1 has url 'Ac?me', which is not valid UTF-8; set the value "
                         "again (kith contact edit, kith event edit)"),
            std::string::npos)
      << run.err;
  ok({"contact", "edit", "1", "--url", "https://acme.example"});
  EXPECT_EQ(kith({"check"}).code, 0);
}

TEST_F(MaintenanceTest, CheckReportsADamagedForeignOrMissingJournalWithItsCode) {
  Outcome run = kith({"check"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: no journal at " + m_db.string() +
                         "; nothing to check (check --db or KITH_DB)\n");

  fs::path foreign = m_dir / "places.sqlite";
  sql(foreign, "CREATE TABLE moz_places (url TEXT);");
  run = kith_raw({"--db", foreign.string(), "check"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: " + foreign.string() +
                         " is an SQLite database of another application, not a kith journal; "
                         "use --db to name your journal\n");

  for (int i = 0; i < 40; ++i) ok({"add", "Person " + std::to_string(i)});
  scribble_over(m_db, "contact");
  std::string before = journal_bytes();
  run = kith({"check", "--full"});
  EXPECT_EQ(run.code, 65);
  EXPECT_NE(run.err.find("damaged"), std::string::npos) << run.err;
  EXPECT_EQ(journal_bytes(), before);
}

}  // namespace
}  // namespace kith::testing
