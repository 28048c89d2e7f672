#include "kith/storage/journal.hpp"

#include <SQLiteCpp/Database.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../services/test_support.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/search_index.hpp"

namespace kith {
namespace {

namespace fs = std::filesystem;
using test::count_rows;
using test::fails_with;

constexpr int k_kith_application_id = 0x6B697468;
constexpr uid_t k_nobody = 65534;

// A fresh directory for one test, removed with everything in it afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::path(::testing::TempDir()) / "kith-journal-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(m_path, ec)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
  }

  const fs::path& path() const { return m_path; }
  fs::path operator/(const std::string& name) const { return m_path / name; }

  // The names in the directory, so a test can see that nothing else was created.
  std::set<std::string> entries() const {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(m_path)) {
      out.insert(entry.path().filename().string());
    }
    return out;
  }

 private:
  fs::path m_path;
};

// Restores the working directory when the test leaves, even through a failed assertion.
class ScopedChdir {
 public:
  explicit ScopedChdir(const fs::path& to) : m_previous(fs::current_path()) {
    fs::current_path(to);
  }
  ScopedChdir(const ScopedChdir&) = delete;
  ScopedChdir& operator=(const ScopedChdir&) = delete;
  ~ScopedChdir() {
    std::error_code ec;
    fs::current_path(m_previous, ec);
  }

 private:
  fs::path m_previous;
};

// Sets the umask for the test and puts the previous one back.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : m_previous(::umask(mask)) {}
  ScopedUmask(const ScopedUmask&) = delete;
  ScopedUmask& operator=(const ScopedUmask&) = delete;
  ~ScopedUmask() { ::umask(m_previous); }

 private:
  mode_t m_previous;
};

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(fs::file_size(path)), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Runs SQL on a file through the plain SQLite C API, as another program would.
void run_sqlite(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

int pragma(Journal& journal, const std::string& name) {
  return journal.database().execAndGet("PRAGMA " + name).getInt();
}

// What opening `path` did: "opened", or the error kind and message.
std::string open_outcome(const fs::path& path, Journal::Access access) {
  try {
    Journal journal = Journal::open(path, access);
    return "opened";
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
}

// Runs `body` as an unprivileged user when the tests run as root (root's access(2) ignores file
// modes, so only another user meets a read-only file), and returns what it returned. `owned`
// are handed to that user first. Returns "" after GTEST_SKIP when the switch is impossible.
std::string as_unprivileged(const std::function<std::string()>& body,
                            const std::vector<fs::path>& owned) {
  if (::geteuid() != 0) return body();
  for (const auto& path : owned) {
    if (::chown(path.c_str(), k_nobody, k_nobody) != 0) return "chown failed";
  }
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  pid_t child = ::fork();
  if (child == 0) {
    ::close(fds[0]);
    std::string result;
    if (::setgroups(0, nullptr) != 0 || ::setgid(k_nobody) != 0 || ::setuid(k_nobody) != 0) {
      result = "cannot switch user";
    } else {
      result = body();
    }
    auto written = ::write(fds[1], result.data(), result.size());
    (void)written;
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string result;
  char buffer[512];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    result.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return result;
}

TEST(JournalTest, CreatesANewJournalWithTheSchema) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  {
    Journal journal = Journal::open(path, Journal::Access::write);
    // Nothing is created until something is written.
    EXPECT_FALSE(fs::exists(path));
    journal.write([] {});
    EXPECT_EQ(pragma(journal, "application_id"), k_kith_application_id);
    EXPECT_EQ(pragma(journal, "user_version"), Journal::latest_version());
    EXPECT_EQ(pragma(journal, "foreign_keys"), 1);
    EXPECT_EQ(journal.database().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(journal.display_name(), path.string());
    for (const char* table : {"contact", "contact_email", "contact_phone", "contact_tag",
                              "conversation", "conversation_contact", "follow_up"}) {
      EXPECT_EQ(count_rows(journal, table), 0) << table;
    }
  }
  // The identity is on disk, where another kith (or a foreign program) sees it.
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), k_kith_application_id);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Journal::latest_version());
}

TEST(JournalTest, AWriteThatFailsOnANewJournalLeavesNoFile) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  {
    Journal journal = Journal::open(path, Journal::Access::write);
    EXPECT_THROW(journal.write([] { throw Error(ErrorKind::not_found, "no such contact"); }),
                 Error);
  }
  EXPECT_TRUE(dir.entries().empty());
}

// Every step of an upgrade is one transaction: a step that fails leaves the version it had.
TEST(JournalTest, AnUpgradeThatFailsPartWayLeavesTheOlderVersionWhole) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  std::string older;
  for (std::size_t step = 0; step < 3; ++step) older += std::string(migrations()[step]) + ";";
  // A table of the last step already there: that step fails after the ones before succeeded.
  run_sqlite(path, older + "PRAGMA application_id = " + std::to_string(k_kith_application_id) +
                       "; PRAGMA user_version = 3; CREATE TABLE history (x);");
  EXPECT_THROW(Journal::open(path, Journal::Access::write), Error);
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 3);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'tombstone'").getInt(),
            0);
}

TEST(JournalTest, ADanglingSymbolicLinkNamesTheJournalToCreate) {
  TempDir dir;
  fs::create_symlink(dir / "real.db", dir / "link.db");
  Journal::open(dir / "link.db", Journal::Access::write).write([] {});
  EXPECT_TRUE(fs::is_regular_file(dir / "real.db"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.db"));
}

TEST(JournalTest, LatestVersionCountsTheMigrations) {
  EXPECT_EQ(Journal::latest_version(), static_cast<int>(migrations().size()));
  EXPECT_GE(Journal::latest_version(), 2);
}

TEST(JournalTest, InMemoryJournalHasTheSchema) {
  Journal journal = Journal::in_memory();
  EXPECT_EQ(pragma(journal, "application_id"), k_kith_application_id);
  EXPECT_EQ(pragma(journal, "user_version"), Journal::latest_version());
  EXPECT_EQ(pragma(journal, "foreign_keys"), 1);
  EXPECT_EQ(count_rows(journal, "contact"), 0);
}

TEST(JournalTest, ReopeningKeepsWhatWasWritten) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  {
    Journal journal = Journal::open(path, Journal::Access::write);
    Contact ada;
    ada.name = "Ada Lovelace";
    ada.emails = {"ada@example.com"};
    ContactService(journal, test::moment_on(test::ymd(2026, 11, 26))).add(ada);
  }
  Journal journal = Journal::open(path, Journal::Access::read);
  auto contacts = ContactService(journal, test::moment_on(test::ymd(2026, 11, 27))).list({});
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].contact.name, "Ada Lovelace");
  EXPECT_EQ(contacts[0].contact.emails, std::vector<std::string>{"ada@example.com"});
  EXPECT_EQ(format_date(contacts[0].contact.added_on), "2026-11-26");
}

TEST(JournalTest, RefusesATextFileAndLeavesItUnchanged) {
  TempDir dir;
  const fs::path path = dir / "contacts.csv";
  const std::string text = "name,email\nAda Lovelace,ada@example.com\n";
  write_bytes(path, text);
  for (auto access : {Journal::Access::write, Journal::Access::read}) {
    EXPECT_TRUE(fails_with([&] { Journal::open(path, access); }, ErrorKind::corrupt,
                           {path.string(), "is not a kith journal", "not an SQLite database"}));
  }
  EXPECT_EQ(read_bytes(path), text);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"contacts.csv"});
}

TEST(JournalTest, RefusesATextFileShorterThanTheSQLiteHeader) {
  TempDir dir;
  const fs::path path = dir / "notes.txt";
  write_bytes(path, "hi\n");
  EXPECT_TRUE(fails_with([&] { Journal::open(path, Journal::Access::write); }, ErrorKind::corrupt,
                         {"is not a kith journal"}));
  EXPECT_EQ(read_bytes(path), "hi\n");
  EXPECT_EQ(dir.entries(), std::set<std::string>{"notes.txt"});
}

TEST(JournalTest, RefusesADamagedDatabaseAndLeavesItUnchanged) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  std::string bytes("SQLite format 3\0", 16);
  bytes += std::string(200, '\x5a');
  write_bytes(path, bytes);
  for (auto access : {Journal::Access::write, Journal::Access::read}) {
    EXPECT_TRUE(
        fails_with([&] { Journal::open(path, access); }, ErrorKind::corrupt, {path.string()}));
  }
  EXPECT_EQ(read_bytes(path), bytes);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"journal.db"});
}

TEST(JournalTest, RefusesAnotherApplicationsDatabaseAndLeavesItUnchanged) {
  TempDir dir;
  const fs::path path = dir / "browser.sqlite";
  run_sqlite(path,
             "CREATE TABLE bookmark (url TEXT); INSERT INTO bookmark VALUES ('https://x.org');");
  const std::string before = read_bytes(path);
  for (auto access : {Journal::Access::write, Journal::Access::read}) {
    EXPECT_TRUE(fails_with([&] { Journal::open(path, access); }, ErrorKind::corrupt,
                           {path.string(), "another application", "not a kith journal"}));
  }
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"browser.sqlite"});
}

TEST(JournalTest, RefusesADatabaseWithAnotherApplicationId) {
  TempDir dir;
  const fs::path path = dir / "other.db";
  run_sqlite(path, "PRAGMA application_id = 42;");
  const std::string before = read_bytes(path);
  EXPECT_TRUE(fails_with([&] { Journal::open(path, Journal::Access::write); }, ErrorKind::corrupt,
                         {"another application"}));
  EXPECT_EQ(read_bytes(path), before);
}

TEST(JournalTest, RefusesAJournalFromANewerKithAndLeavesItUnchanged) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  const int newer = Journal::latest_version() + 1;
  run_sqlite(path, "CREATE TABLE future_thing (x INTEGER); PRAGMA application_id = " +
                       std::to_string(k_kith_application_id) +
                       "; PRAGMA user_version = " + std::to_string(newer) + ";");
  const std::string before = read_bytes(path);
  for (auto access : {Journal::Access::write, Journal::Access::read}) {
    EXPECT_TRUE(fails_with(
        [&] { Journal::open(path, access); }, ErrorKind::schema_too_new,
        {path.string(), "newer kith", "schema " + std::to_string(newer),
         "this kith knows " + std::to_string(Journal::latest_version()), "upgrade kith"}));
  }
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"journal.db"});
}

TEST(JournalTest, RefusesAWalJournalFromANewerKithAndLeavesItUnchanged) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  Journal::open(path, Journal::Access::write).write([] {});
  run_sqlite(path, "PRAGMA user_version = " + std::to_string(Journal::latest_version() + 5) + ";");
  const std::string before = read_bytes(path);
  EXPECT_TRUE(
      fails_with([&] { Journal::open(path, Journal::Access::write); }, ErrorKind::schema_too_new));
  EXPECT_EQ(read_bytes(path), before);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"journal.db"});
}

TEST(JournalTest, ASavepointThatThrowsUndoesOnlyWhatItWrote) {
  Journal journal = Journal::in_memory();
  const auto add = [&](const std::string& name) {
    Contact c;
    c.name = name;
    c.created_at = c.updated_at = "2026-11-26T08:00:00Z";
    c.added_on = test::ymd(2026, 11, 26);
    ContactStore(journal).insert(c);
  };
  journal.write([&] {
    add("Ada Lovelace");
    EXPECT_THROW(journal.savepoint([&] {
      add("Bob Stone");
      throw Error(ErrorKind::invalid_data, "bad record");
    }),
                 Error);
    journal.savepoint([&] { add("Cy Young"); });
  });
  const auto names = ContactStore(journal).names({1, 2, 3});
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(count_rows(journal, "contact"), 2);
  EXPECT_EQ(ContactStore(journal).find_by_name_and_company("Bob Stone", "").size(), 0u);
}

// A journal as version 1 of kith wrote it, with Ada Lovelace and `more_contacts` (", (...)").
void write_version_1(const fs::path& path, const std::string& more_contacts) {
  run_sqlite(path, std::string(migrations()[0]) +
                       "; PRAGMA application_id = " + std::to_string(k_kith_application_id) +
                       "; PRAGMA user_version = 1;"
                       "INSERT INTO contact (uid, name, name_key, added_on, created_at, "
                       "updated_at) VALUES ('u-1', 'Ada Lovelace', 'ada lovelace', '2026-01-02', "
                       "'2026-01-02T08:00:00Z', '2026-01-02T08:00:00Z')" +
                       more_contacts + ";");
}

TEST(JournalTest, UpgradesAnOlderJournalKeepingItsContacts) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  write_version_1(path, "");
  {
    // Even a command that only reads upgrades an older journal once.
    Journal journal = Journal::open(path, Journal::Access::read);
    EXPECT_EQ(pragma(journal, "user_version"), Journal::latest_version());
    EXPECT_EQ(count_rows(journal, "contact"), 1);
    EXPECT_EQ(count_rows(journal, "conversation"), 0);
  }
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Journal::latest_version());
  EXPECT_EQ(raw.execAndGet("SELECT name FROM contact").getString(), "Ada Lovelace");
}

TEST(JournalTest, UpgradeStartsAnImportedContactsCadenceTheDayItEnteredTheJournal) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  write_version_1(path,
                  ", ('u-2', '李娜', '李娜', '2024-03-12', '2026-01-05T08:00:00Z', "
                  "'2026-01-05T08:00:00Z')");
  Journal journal = Journal::open(path, Journal::Access::write);
  journal.read([&] {
    ContactStore store(journal);
    EXPECT_FALSE(store.get(1)->cadence_since);
    EXPECT_EQ(store.get(2)->cadence_since, date::year{2026} / date::January / date::day{5});
    // The search index, rebuilt with the tokenizer that splits CJK text, finds one character.
    EXPECT_EQ(search_documents(journal, to_match_expression("李"), {}).hits.size(), 1u);
    EXPECT_TRUE(search_index_problems(journal).empty());
  });
}

TEST(JournalTest, VersionEightKeysTheUrlsNormalisedBefore) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  std::string schema;
  // Version 5's search index needs kith's tokenizer: the journal adds it when it upgrades.
  for (std::size_t i = 0; i < 4; ++i) schema += std::string(migrations()[i]) + ";";
  run_sqlite(path, schema + "PRAGMA application_id = " + std::to_string(k_kith_application_id) +
                       "; PRAGMA user_version = 4;"
                       "INSERT INTO contact (uid, name, name_key, url, added_on, created_at, "
                       "updated_at) VALUES ('u-1', 'Ada Lovelace', 'ada lovelace', "
                       "'https://linkedin.com/in/ada', '2026-01-02', '2026-01-02T08:00:00Z', "
                       "'2026-01-02T08:00:00Z');");
  Journal journal = Journal::open(path, Journal::Access::write);
  ContactStore store(journal);
  EXPECT_EQ(store.find_by_url("http://www.linkedin.com/in/ada/"), std::optional<std::int64_t>(1));
  Contact copy;
  copy.name = "Ada L";
  copy.url = "https://uk.linkedin.com/in/ada";
  copy.created_at = copy.updated_at = "2026-11-26T08:00:00Z";
  copy.added_on = test::ymd(2026, 11, 26);
  // The key is unique, however the URL is written.
  EXPECT_THROW(journal.write([&] { store.insert(copy); }), Error);
}

TEST(JournalTest, MissingDirectoryCannotBeCreated) {
  TempDir dir;
  const fs::path path = dir / "nowhere" / "journal.db";
  EXPECT_TRUE(fails_with([&] { Journal::open(path, Journal::Access::write); },
                         ErrorKind::cant_create,
                         {path.string(), (dir / "nowhere").string(), "does not exist"}));
  EXPECT_TRUE(dir.entries().empty());
}

TEST(JournalTest, ReadingAMissingFileCreatesNothing) {
  TempDir dir;
  for (const fs::path& path : {dir / "journal.db", dir / "sub" / "journal.db"}) {
    Journal journal = Journal::open(path, Journal::Access::read);
    ContactStore store(journal);
    EXPECT_TRUE(store.list({}).empty());
  }
  EXPECT_TRUE(dir.entries().empty());
}

TEST(JournalTest, ReadingAnEmptyFileLeavesItEmpty) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  write_bytes(path, "");
  {
    Journal journal = Journal::open(path, Journal::Access::read);
    EXPECT_TRUE(ContactStore(journal).list({}).empty());
  }
  EXPECT_EQ(fs::file_size(path), 0u);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"journal.db"});
}

TEST(JournalTest, WritingAnEmptyFileMakesItAJournal) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  write_bytes(path, "");
  Journal journal = Journal::open(path, Journal::Access::write);
  EXPECT_EQ(pragma(journal, "application_id"), k_kith_application_id);
  EXPECT_EQ(pragma(journal, "user_version"), Journal::latest_version());
}

TEST(JournalTest, RefusesADirectory) {
  TempDir dir;
  fs::create_directory(dir / "journal.db");
  EXPECT_TRUE(fails_with([&] { Journal::open(dir / "journal.db", Journal::Access::write); },
                         ErrorKind::corrupt, {"is a directory"}));
}

TEST(JournalTest, ReadOnlyFileIsRefusedForWritingButReadable) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  {
    Journal journal = Journal::open(path, Journal::Access::write);
    Contact ada;
    ada.name = "Ada Lovelace";
    ContactService(journal, test::moment_on(test::ymd(2026, 11, 26))).add(ada);
  }
  ASSERT_EQ(::chmod(path.c_str(), 0400), 0);
  const std::string before = read_bytes(path);
  const std::string outcome = as_unprivileged(
      [&] {
        std::string write = open_outcome(path, Journal::Access::write);
        std::string read;
        try {
          Journal journal = Journal::open(path, Journal::Access::read);
          read = std::to_string(ContactStore(journal).list({}).size()) + " contact(s)";
        } catch (const Error& e) {
          read = std::string(kind_name(e.kind())) + ": " + e.what();
        }
        return write + " | " + read;
      },
      {dir.path(), path});
  if (outcome == "cannot switch user") GTEST_SKIP() << "cannot drop root privileges here";
  EXPECT_EQ(outcome, "permission: the journal " + path.string() +
                         " is read-only; reading works, changes need write permission | "
                         "1 contact(s)");
  EXPECT_EQ(read_bytes(path), before);
}

TEST(JournalTest, UnreadableFileIsPermissionDeniedAndLeftAlone) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  Journal::open(path, Journal::Access::write).write([] {});
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  const std::string outcome = as_unprivileged(
      [&] {
        return open_outcome(path, Journal::Access::read) + " | " +
               open_outcome(path, Journal::Access::write);
      },
      {dir.path(), path});
  if (outcome == "cannot switch user") GTEST_SKIP() << "cannot drop root privileges here";
  const std::string refused =
      "permission: cannot read the journal " + path.string() + ": permission denied";
  EXPECT_EQ(outcome, refused + " | " + refused);
  EXPECT_EQ(dir.entries(), std::set<std::string>{"journal.db"});
}

TEST(JournalTest, UnwritableDirectoryIsRefused) {
  TempDir dir;
  const fs::path locked = dir / "locked";
  fs::create_directory(locked);
  ASSERT_EQ(::chmod(locked.c_str(), 0500), 0);
  const std::string outcome =
      as_unprivileged([&] { return open_outcome(locked / "journal.db", Journal::Access::write); },
                      {dir.path(), locked});
  if (outcome == "cannot switch user") GTEST_SKIP() << "cannot drop root privileges here";
  EXPECT_EQ(outcome, "permission: cannot write in " + locked.string() +
                         " (permission denied); kith needs it for the journal");
  EXPECT_TRUE(fs::is_empty(locked));
}

TEST(JournalTest, UriLikeNamesAreOrdinaryFiles) {
  TempDir dir;
  ScopedChdir in(dir.path());
  for (const char* name : {"file:x?mode=memory", ":memory:"}) {
    {
      Journal journal = Journal::open(name, Journal::Access::write);
      Contact ada;
      ada.name = std::string("Ada of ") + name;
      ContactService(journal, test::moment_on(test::ymd(2026, 11, 26))).add(ada);
    }
    ASSERT_TRUE(fs::is_regular_file(dir / name)) << name;
    EXPECT_EQ(read_bytes(dir / name).substr(0, 16), std::string("SQLite format 3\0", 16));
    Journal journal = Journal::open(name, Journal::Access::read);
    auto contacts = ContactStore(journal).list({});
    ASSERT_EQ(contacts.size(), 1u) << name;
    EXPECT_EQ(contacts[0].contact.name, std::string("Ada of ") + name);
  }
  // Nothing else is created: no file "x", no in-memory database in place of a file.
  for (const auto& name : dir.entries()) {
    EXPECT_TRUE(name.starts_with("file:x?mode=memory") || name.starts_with(":memory:")) << name;
  }
}

TEST(JournalTest, AFileNamedLikeTheInMemoryDatabaseIsAWalJournal) {
  TempDir dir;
  ScopedChdir in(dir.path());
  Journal journal = Journal::open(":memory:", Journal::Access::write);
  journal.write([] {});
  EXPECT_EQ(journal.database().execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_TRUE(fs::exists(dir.path() / ":memory:"));
}

TEST(JournalTest, FilesAreForTheOwnerOnly) {
  TempDir dir;
  ScopedUmask mask(077);
  const fs::path path = dir / "journal.db";
  Journal journal = Journal::open(path, Journal::Access::write);
  Contact ada;
  ada.name = "Ada Lovelace";
  ContactService(journal, test::moment_on(test::ymd(2026, 11, 26))).add(ada);
  for (const char* name : {"journal.db", "journal.db-wal", "journal.db-shm"}) {
    struct stat info {};
    ASSERT_EQ(::stat((dir / name).c_str(), &info), 0) << name;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << name;
  }
}

TEST(JournalTest, WriteRollsBackWhenTheWorkFails) {
  Journal journal = Journal::in_memory();
  EXPECT_TRUE(fails_with(
      [&] {
        journal.write([&] {
          Contact ada;
          ada.name = "Ada Lovelace";
          ada.added_on = test::ymd(2026, 11, 26);
          ContactStore(journal).insert(ada);
          throw Error(ErrorKind::invalid_data, "changed my mind");
        });
      },
      ErrorKind::invalid_data, {"changed my mind"}));
  EXPECT_EQ(count_rows(journal, "contact"), 0);
  EXPECT_EQ(count_rows(journal, "contact_email"), 0);
}

TEST(JournalTest, NestedWriteJoinsTheEnclosingTransaction) {
  Journal journal = Journal::in_memory();
  auto insert = [&](const std::string& name) {
    journal.write([&] {
      Contact c;
      c.name = name;
      c.added_on = test::ymd(2026, 11, 26);
      ContactStore(journal).insert(c);
    });
  };
  EXPECT_TRUE(fails_with(
      [&] {
        journal.write([&] {
          insert("Ada Lovelace");
          insert("Grace Hopper");
          throw Error(ErrorKind::invalid_data, "the outer work failed");
        });
      },
      ErrorKind::invalid_data));
  EXPECT_EQ(count_rows(journal, "contact"), 0);
  // The journal is usable again afterwards, and a nested write commits with its parent.
  journal.write([&] { insert("Ada Lovelace"); });
  EXPECT_EQ(count_rows(journal, "contact"), 1);
}

TEST(JournalTest, BusyWhenAnotherWriterHoldsTheLock) {
  TempDir dir;
  const fs::path path = dir / "journal.db";
  Journal journal = Journal::open(path, Journal::Access::write);
  journal.write([] {});
  SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  EXPECT_TRUE(fails_with([&] { journal.write([] {}); }, ErrorKind::busy,
                         {"another kith process", path.string(), "try again"}));
  other.exec("ROLLBACK");
  EXPECT_NO_THROW(journal.write([] {}));
}

}  // namespace
}  // namespace kith
