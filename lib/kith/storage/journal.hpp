// The journal is one SQLite file. This class owns the connection, refuses files that are
// not kith journals (or come from a newer kith), applies migrations, and runs every unit of
// work in a transaction with SQLite's errors turned into kith's.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kith/util/temp_file.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace kith {

class ChangeRecorder;

class Journal {
 public:
  enum class Access { read, write };

  // Opens the journal at `path`, always a file path (never an SQLite URI). With write access
  // a missing file is created, with its schema, in a directory that must exist. With read
  // access a missing file reads as an empty journal and nothing is created.
  // Before migrating a journal that holds records, kith copies it to
  // `<dir>/backups/<stem>-<backup_stamp>.db` (see storage/backup.hpp); without a stamp (tests)
  // it migrates without a copy.
  static Journal open(const std::filesystem::path& path, Access access,
                      std::string_view backup_stamp = {});

  // A new, empty journal in memory, for tests and for reading a journal that does not exist.
  static Journal in_memory();

  // A copy in memory of the journal at `path` (upgraded there if it is older), for a dry run:
  // changes can be tried and rolled back while the file is only read, never written, even
  // when it is read-only or in another journal mode.
  static Journal in_memory_copy(const std::filesystem::path& path);

  Journal(Journal&&) noexcept;
  Journal& operator=(Journal&&) noexcept;
  ~Journal();

  // Runs `work` in one IMMEDIATE transaction: all of it is committed or none of it. Inside
  // another write, `work` joins the enclosing transaction.
  void write(const std::function<void()>& work);

  // Inside a write: runs `work` as a savepoint, so that when it throws, what it wrote is undone
  // and the exception goes on, while the rest of the transaction stays (an import that skips
  // invalid records).
  void savepoint(const std::function<void()>& work);

  // Runs `work` in one read transaction, so it sees a single consistent state.
  void read(const std::function<void()>& work);

  // The connection, for the storage classes only.
  SQLite::Database& database();

  // A statement prepared once per connection, reset and with its bindings cleared, for the
  // statements a bulk import runs thousands of times. `sql` must be a string literal (it is
  // the key), and the statement must not be in use by a caller up the stack.
  SQLite::Statement& cached(const char* sql);

  // From now on, each write that changes something is recorded in the history as one entry
  // made by `command` at `at` (UTC); an empty command stops recording (undo itself).
  void record_history(std::string command, std::string at);

  // Inside a write that records history: keeps the part of the history held in memory
  // bounded (ChangeRecorder::bound). A long unit of work, an import, calls it between
  // records, never inside a savepoint (rolling one back would take a piece with it);
  // elsewhere it does nothing.
  void bound_history();

  // The file name to show in messages.
  const std::string& display_name() const { return m_display_name; }

  // The copy made before a migration during open, or empty.
  const std::filesystem::path& migration_backup() const { return m_migration_backup; }

  // The schema version this build of kith writes.
  static int latest_version();

 private:
  Journal(std::unique_ptr<SQLite::Database> db, std::string display_name);
  void prepare(Access access);
  static Journal create_pending(const std::filesystem::path& path, const std::string& shown);

  // Moves a journal built in m_pending to its place, in WAL mode, and reopens it there.
  void promote();

  // Finishes every cached statement, so none holds the transaction open at its end.
  void reset_cached();

  std::unique_ptr<SQLite::Database> m_db;
  // Declared after m_db, so the statements are finalised before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_cached;
  std::string m_display_name;
  std::string m_backup_stamp;
  std::filesystem::path m_migration_backup;
  std::string m_history_command;
  std::string m_history_at;
  ChangeRecorder* m_recorder = nullptr;  // while a write records history
  bool m_needs_upgrade = false;
  bool m_in_memory = false;
  // A journal that did not exist is built in a private temporary file beside it and moved to
  // m_pending_path by its first committed write, so a command that fails creates nothing.
  std::unique_ptr<TempFile> m_pending;
  std::filesystem::path m_pending_path;
  // While a journal is being created: an exclusive flock on its directory, so a second kith
  // creating the same journal waits, then opens the one the first moved into place.
  int m_creation_lock = -1;
  int m_depth = 0;  // how many write/read calls are running, to nest them in one transaction
};

}  // namespace kith
