#include "kith/storage/backup.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>

#include "kith/domain/fold.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/search_index.hpp"
#include "kith/storage/sqlite_error.hpp"
#include "kith/util/temp_file.hpp"

namespace kith {

namespace {

namespace fs = std::filesystem;

constexpr int k_busy_timeout_ms = 5000;
constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

std::string reason(int error) { return std::strerror(error); }

int latest_version() { return static_cast<int>(migrations().size()); }

// SQLite reads "file:..." as a URI and ":memory:" as a special name; "./" makes every
// relative path the file it names (as the journal does).
std::string as_file_name(const fs::path& path) {
  return path.is_absolute() ? path.string() : "./" + path.string();
}

// Opens a file read-only: SQLite never writes it, whatever kind of file it turns out to be.
// The search index's tokenizer is registered as the journal does, in case a check reaches it.
// A read-only connection that can also read the search index (kith's tokenizer).
std::unique_ptr<SQLite::Database> open_checked(const fs::path& path) {
  auto db = open_read_only(path);
  register_search_tokenizer(db->getHandle());
  return db;
}

// The first bytes of `path`: empty for an empty file; throws permission when unreadable.
std::string read_header(const fs::path& path, const std::string& what) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {  // a FIFO would block the read below forever
    throw Error(ErrorKind::corrupt,
                path.string() + " is not a regular file (a pipe or a device), not " +
                    (what == "the backup" ? "a kith backup" : "a kith journal"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::permission,
                "cannot read " + what + " " + path.string() + ": permission denied");
  }
  std::array<char, 16> header{};
  in.read(header.data(), header.size());
  return std::string(header.data(), static_cast<std::size_t>(in.gcount()));
}

bool is_damage(int code) {
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

int pragma_int(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

// Refuses an SQLite database that belongs to another application (an empty one is fine).
void require_kith_application(SQLite::Database& db, const std::string& shown) {
  int application_id = pragma_int(db, "application_id");
  int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (application_id != k_application_id && (application_id != 0 || objects > 0)) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is an SQLite database of another application, not "
                                        "a kith journal; use --db to name your journal");
  }
}

// Copies every page of `source` into `destination` in one step, so the copy is one snapshot
// of the source even while other processes write to it (WAL lets the read run alongside).
// Retries while a lock is held, up to the busy timeout.
void run_backup(sqlite3* destination, sqlite3* source, const std::string& shown) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (backup == nullptr) {
    throw translate_sqlite_error(
        SQLite::Exception(sqlite3_errmsg(destination), sqlite3_errcode(destination)), shown);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    if (std::chrono::steady_clock::now() >= deadline) break;
    sqlite3_sleep(50);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw translate_sqlite_error(SQLite::Exception(sqlite3_errstr(rc), rc), shown);
  }
}

// Creates the missing directories of `dir`, private to the user.
void create_private_directory(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
  fs::path partial;
  for (const auto& part : dir) {
    partial /= part;
    if (fs::is_directory(partial, ec)) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      int error = errno;
      throw Error(error == EACCES ? ErrorKind::permission : ErrorKind::cant_create,
                  "cannot create the directory " + dir.string() + ": " + reason(error));
    }
  }
}

void write_backup(SQLite::Database& source, const fs::path& destination, bool replace,
                  bool create_directory) {
  const std::string shown = destination.string();
  std::error_code ec;
  auto status = fs::status(destination, ec);
  if (fs::is_directory(status)) {
    throw Error(ErrorKind::cant_create, "cannot write " + shown + ": it is a directory");
  }
  if (fs::exists(status) && !replace) {
    throw Error(ErrorKind::cant_create, shown + " already exists; use --force to replace it");
  }
  fs::path dir = directory_of(destination);
  if (create_directory) {
    create_private_directory(dir);
  } else if (!fs::is_directory(dir, ec)) {
    throw Error(ErrorKind::cant_create,
                "cannot write " + shown + ": directory " + dir.string() + " does not exist");
  }
  TempFile temp(directory_of(destination), "." + destination.filename().string() + ".", "",
                destination.string(), true);
  try {
    SQLite::Database copy(as_file_name(temp.path()), SQLite::OPEN_READWRITE, k_busy_timeout_ms);
    run_backup(copy.getHandle(), source.getHandle(), shown);
    // One self-contained file: no -wal beside it to lose when it is copied elsewhere.
    copy.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, shown);
  }
  temp.move_to(destination, replace);
}

// Copies the bytes of `from` to a new private file `to` (never over an existing one).
void copy_bytes(const fs::path& from, const fs::path& to) {
  TempFile temp(directory_of(to), "." + to.filename().string() + ".", "", to.string(), true);
  std::error_code ec;
  fs::copy_file(from, temp.path(), fs::copy_options::overwrite_existing, ec);
  if (ec) {
    throw Error(ErrorKind::io, "cannot copy " + from.string() + " to " + to.string() + ": " +
                                   ec.message() + "; nothing was changed");
  }
  temp.move_to(to, false);
}

// An SQL identifier, quoted.
std::string sql_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// SQLite 3.40's quick_check reports "NULL value in T.C" for a WITHOUT ROWID table whose
// primary key lists its columns in another order than the table (conversation_contact),
// though no such NULL exists; integrity_check does not. True when `line` is that report and
// the column holds no NULL.
bool false_null_report(SQLite::Database& db, const std::string& line) {
  const std::string prefix = "NULL value in ";
  if (line.rfind(prefix, 0) != 0) return false;
  std::string where = line.substr(prefix.size());
  auto dot = where.find('.');
  if (dot == std::string::npos) return false;
  std::string table = where.substr(0, dot);
  std::string column = where.substr(dot + 1);
  try {
    SQLite::Statement probe(db, "SELECT 1 FROM " + sql_identifier(table) + " WHERE " +
                                    sql_identifier(column) + " IS NULL LIMIT 1");
    return !probe.executeStep();
  } catch (const SQLite::Exception&) {
    return false;  // not a table and column after all: keep the report
  }
}

}  // namespace

void backup_database(SQLite::Database& source, const fs::path& destination) {
  write_backup(source, destination, false, true);
}

void backup_database(SQLite::Database& source, const fs::path& destination, bool replace) {
  write_backup(source, destination, replace, false);
}

fs::path default_backup_path(const fs::path& journal, std::string_view stamp) {
  std::string name = journal.stem().string() + "-" + std::string(stamp) + ".db";
  return journal.parent_path() / "backups" / name;
}

std::string backup_stamp(std::string_view now_utc) {
  std::string stamp;
  for (char c : now_utc) {
    if (c != '-' && c != ':') stamp += c;
  }
  return stamp;
}

fs::path unused_backup_path(const fs::path& journal, std::string_view stamp) {
  fs::path path = default_backup_path(journal, stamp);
  std::error_code ec;
  for (int n = 2; fs::exists(path, ec); ++n) {
    path = default_backup_path(journal, std::string(stamp) + "-" + std::to_string(n));
  }
  return path;
}

int validate_backup(const fs::path& candidate) {
  const std::string shown = candidate.string();
  std::error_code ec;
  auto status = fs::status(candidate, ec);
  if (!fs::exists(status)) {
    throw Error(
        ErrorKind::not_found,
        "no backup at " + shown + "; check the path (kith backup prints each one it writes)");
  }
  if (fs::is_directory(status)) {
    throw Error(ErrorKind::invalid_data, shown + " is a directory, not a kith backup");
  }
  const std::string unchanged = "; nothing was changed";
  if (read_header(candidate, "the backup") != k_sqlite_magic) {
    throw Error(ErrorKind::corrupt,
                shown + " is not a kith backup (not an SQLite database)" + unchanged);
  }
  try {
    auto db = open_checked(candidate);
    int application_id = pragma_int(*db, "application_id");
    if (application_id != k_application_id) {
      throw Error(
          ErrorKind::corrupt,
          shown + " is not a kith backup (an SQLite database of another application)" + unchanged);
    }
    int version = pragma_int(*db, "user_version");
    if (version > latest_version()) {
      throw Error(ErrorKind::schema_too_new, shown + " was written by a newer kith (schema " +
                                                 std::to_string(version) + ", this kith knows " +
                                                 std::to_string(latest_version()) +
                                                 "); upgrade kith to restore it" + unchanged);
    }
    SQLite::Statement check(*db, "PRAGMA integrity_check(1)");
    if (check.executeStep() && check.getColumn(0).getString() != "ok") {
      throw Error(ErrorKind::corrupt, shown + " is damaged (" + check.getColumn(0).getString() +
                                          "); choose another backup" + unchanged);
    }
    return version;
  } catch (const SQLite::Exception& e) {
    if (is_damage(e.getErrorCode())) {
      throw Error(ErrorKind::corrupt, shown + " is damaged (" + e.getErrorStr() +
                                          "); choose another backup" + unchanged);
    }
    throw translate_sqlite_error(e, shown);
  }
}

void keep_aside(const fs::path& journal, const fs::path& aside) {
  const std::string shown = journal.string();
  if (read_header(journal, "the journal") != k_sqlite_magic) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is not a kith journal (not an SQLite database); "
                                        "move it away or name your journal with --db");
  }
  std::unique_ptr<SQLite::Database> db;
  try {
    db = open_checked(journal);
    require_kith_application(*db, shown);
  } catch (const SQLite::Exception& e) {
    if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
    db.reset();  // too damaged for SQLite to read: keep its bytes as they are
  }
  if (db) {
    try {
      backup_database(*db, aside);
      return;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::corrupt) throw;
    }
    db.reset();
  }
  fs::create_directories(directory_of(aside));
  copy_bytes(journal, aside);
  std::error_code ec;
  if (fs::exists(journal.string() + "-wal", ec)) {
    copy_bytes(journal.string() + "-wal", aside.string() + "-wal");
  }
}

void copy_into_journal(const fs::path& backup, const fs::path& journal) {
  const std::string shown = journal.string();
  std::error_code ec;
  try {
    auto source = open_checked(backup);
    if (!fs::exists(journal, ec) || fs::file_size(journal, ec) == 0) {
      backup_database(*source, journal, true);
      return;
    }
    try {
      SQLite::Database live(as_file_name(journal), SQLite::OPEN_READWRITE, k_busy_timeout_ms);
      run_backup(live.getHandle(), source->getHandle(), shown);
      return;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::corrupt && e.kind() != ErrorKind::permission) throw;
    } catch (const SQLite::Exception& e) {
      if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
    }
    // SQLite cannot write into this file (damaged, or a page size a WAL journal cannot
    // change): replace the file, and the -wal and -shm that belonged to the old one.
    if (::access(journal.c_str(), W_OK) != 0) {
      throw Error(ErrorKind::permission,
                  "the journal " + shown + " is read-only; restoring needs write permission");
    }
    fs::remove(journal.string() + "-wal", ec);
    fs::remove(journal.string() + "-shm", ec);
    backup_database(*source, journal, true);
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, backup.string());
  }
}

JournalInspection inspect_journal(const fs::path& journal, bool full) {
  const std::string shown = journal.string();
  std::error_code ec;
  auto status = fs::status(journal, ec);
  if (!fs::exists(status)) {
    throw Error(ErrorKind::not_found,
                "no journal at " + shown + "; nothing to check (check --db or KITH_DB)");
  }
  if (fs::is_directory(status)) {
    throw Error(ErrorKind::corrupt, shown + " is a directory, not a kith journal");
  }
  JournalInspection found;
  std::string header = read_header(journal, "the journal");
  if (header.empty()) return found;  // an empty file reads as an empty journal
  if (header != k_sqlite_magic) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is not a kith journal (not an SQLite database); "
                                        "use --db to name your journal");
  }
  std::unique_ptr<SQLite::Database> db;
  try {
    db = open_checked(journal);
    require_kith_application(*db, shown);
    found.schema_version = pragma_int(*db, "user_version");
  } catch (const SQLite::Exception& e) {
    if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
    found.integrity.push_back(e.getErrorStr());
    return found;
  }
  if (found.schema_version > latest_version()) {
    throw Error(ErrorKind::schema_too_new,
                "the journal " + shown + " was written by a newer kith (schema " +
                    std::to_string(found.schema_version) + ", this kith knows " +
                    std::to_string(latest_version()) + "); upgrade kith");
  }
  // Runs one stage of the inspection; damage met on the way is itself a finding.
  auto stage = [&](const std::function<void()>& work) {
    try {
      work();
    } catch (const SQLite::Exception& e) {
      if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
      found.integrity.push_back(e.getErrorStr());
    }
  };
  // Every read below happens in one transaction: one consistent state, even under a writer.
  stage([&] { db->exec("BEGIN"); });
  stage([&] {
    SQLite::Statement check(*db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    while (check.executeStep()) {
      std::string line = check.getColumn(0).getString();
      if (line != "ok" && !false_null_report(*db, line)) found.integrity.push_back(line);
    }
  });
  if (!found.integrity.empty()) return found;  // kith's rules mean little on a damaged file

  struct Table {
    int since;
    const char* name;
  };
  static constexpr std::array<Table, 13> k_tables = {{{1, "contact"},
                                                      {1, "contact_email"},
                                                      {1, "contact_phone"},
                                                      {1, "contact_tag"},
                                                      {2, "conversation"},
                                                      {2, "conversation_contact"},
                                                      {2, "follow_up"},
                                                      {3, "event"},
                                                      {3, "event_tag"},
                                                      {3, "event_contact"},
                                                      {4, "tombstone"},
                                                      {5, "search_index"},
                                                      {5, "history"}}};
  stage([&] {
    SQLite::Statement exists(*db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    for (const auto& table : k_tables) {
      if (table.since > found.schema_version) continue;
      exists.reset();
      exists.bind(1, table.name);
      if (!exists.executeStep()) {
        found.schema_objects.push_back("table " + std::string(table.name) + " is missing (schema " +
                                       std::to_string(found.schema_version) + " has it)");
      }
    }
  });
  if (!found.schema_objects.empty() || found.schema_version == 0) return found;

  stage([&] {
    SQLite::Statement fk(*db, "PRAGMA foreign_key_check");
    while (fk.executeStep()) {
      found.foreign_keys.push_back(fk.getColumn(0).getString() + " " +
                                   std::to_string(fk.getColumn(1).getInt64()) +
                                   " refers to a missing " + fk.getColumn(2).getString());
    }
  });
  auto check_keys = [&](const char* table, const char* what) {
    SQLite::Statement rows(*db, std::string("SELECT id, name, name_key FROM ") + table);
    while (rows.executeStep()) {
      std::string name = rows.getColumn(1).getString();
      std::string key = rows.getColumn(2).getString();
      std::string expected = fold(name);
      if (key != expected) {
        found.name_keys.push_back(std::string(what) + " " +
                                  std::to_string(rows.getColumn(0).getInt64()) + " (" + name +
                                  ") has the name key '" + key + "', expected '" + expected + "'");
      }
    }
  };
  stage([&] { check_keys("contact", "contact"); });
  if (found.schema_version >= 3) stage([&] { check_keys("event", "event"); });
  if (found.schema_version >= 2) {
    stage([&] {
      SQLite::Statement rows(*db,
                             "SELECT id, status, closed_on FROM follow_up WHERE "
                             "(status = 'open') = (closed_on IS NOT NULL) ORDER BY id");
      while (rows.executeStep()) {
        std::string id = std::to_string(rows.getColumn(0).getInt64());
        std::string state = rows.getColumn(1).getString();
        found.follow_ups.push_back(
            state == "open" ? "follow-up " + id + " is open but has a closed date (" +
                                  rows.getColumn(2).getString() + ")"
                            : "follow-up " + id + " is " + state + " but has no closed date");
      }
    });
  }
  if (found.schema_version >= 4) {
    stage([&] {
      SQLite::Statement rows(*db,
                             "SELECT t.kind, t.uid FROM tombstone t WHERE "
                             "(t.kind = 'contact' AND t.uid IN (SELECT uid FROM contact)) OR "
                             "(t.kind = 'conversation' AND t.uid IN (SELECT uid FROM "
                             "conversation)) OR "
                             "(t.kind = 'follow_up' AND t.uid IN (SELECT uid FROM follow_up)) OR "
                             "(t.kind = 'event' AND t.uid IN (SELECT uid FROM event)) "
                             "ORDER BY t.kind, t.uid");
      while (rows.executeStep()) {
        std::string kind = rows.getColumn(0).getString();
        if (kind == "follow_up") kind = "follow-up";
        found.tombstones.push_back("the " + kind + " " + rows.getColumn(1).getString() +
                                   " is live but also marked deleted");
      }
    });
  }
  // Text that is not UTF-8 (stored by a kith older than the check on input): exports would
  // change it and other programs may refuse it.
  stage([&] {
    for (const auto& table : k_tables) {
      const std::string_view name = table.name;
      if (table.since > found.schema_version || name == "search_index" || name == "history") {
        continue;
      }
      // The first column (id, or the owner's id) names the row.
      SQLite::Statement rows(*db, "SELECT * FROM " + std::string(name));
      while (rows.executeStep()) {
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          if (!rows.getColumn(i).isText()) continue;
          const std::string text = rows.getColumn(i).getString();
          if (!invalid_utf8_at(text)) continue;
          found.invalid_text.push_back(std::string(name) + " " + rows.getColumn(0).getString() +
                                       " has " + rows.getColumnName(i) + " " +
                                       quote_for_message(text) + ", which is not valid UTF-8");
        }
      }
    }
  });
  stage([&] { db->exec("COMMIT"); });
  return found;
}

}  // namespace kith
