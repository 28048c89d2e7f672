#include "kith/storage/backup.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/journal_file.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/sqlite_error.hpp"
#include "kith/util/temp_file.hpp"

namespace kith {

namespace {

namespace fs = std::filesystem;

std::string reason(int error) { return std::strerror(error); }

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

}  // namespace

void backup_database(SQLite::Database& source, const fs::path& destination) {
  write_backup(source, destination, false, true);
}

void backup_database(SQLite::Database& source, const fs::path& destination, bool replace) {
  write_backup(source, destination, replace, false);
}

void backup_database(Journal& source, const fs::path& destination) {
  backup_database(source.database(), destination);
}

void backup_database(Journal& source, const fs::path& destination, bool replace) {
  backup_database(source.database(), destination, replace);
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
    if (version > Journal::latest_version()) {
      throw Error(ErrorKind::schema_too_new, shown + " was written by a newer kith (schema " +
                                                 std::to_string(version) + ", this kith knows " +
                                                 std::to_string(Journal::latest_version()) +
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

}  // namespace kith
