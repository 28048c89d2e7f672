#include "kith/storage/journal.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

#include "kith/domain/fold.hpp"
#include "kith/error.hpp"
#include "kith/storage/backup.hpp"
#include "kith/storage/history_store.hpp"
#include "kith/storage/journal_file.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/search_index.hpp"
#include "kith/storage/sqlite_error.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

// An SQL function of one text argument that returns `transform` of it; NULL stays NULL.
// kith_fold(text) is the case- and accent-folded form of text, for matching in SQL, and
// kith_ref_key(name_key) the key a name reference matches, punctuation ignored.
template <std::string (*transform)(std::string_view)>
void sql_text_function(sqlite3_context* context, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (text == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  std::string result = transform(reinterpret_cast<const char*>(text));
  sqlite3_result_text(context, result.c_str(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
}

// True when a journal at schema `version` holds anything worth a backup before a migration.
bool holds_records(SQLite::Database& db, int version) {
  return db.execAndGet(version >= 3 ? "SELECT EXISTS (SELECT 1 FROM contact)"
                                      " OR EXISTS (SELECT 1 FROM event)"
                                    : "SELECT EXISTS (SELECT 1 FROM contact)")
             .getInt() != 0;
}

}  // namespace

Journal::Journal(std::unique_ptr<SQLite::Database> db, std::string display_name)
    : m_db(std::move(db)), m_display_name(std::move(display_name)) {}

Journal::Journal(Journal&& other) noexcept { *this = std::move(other); }
Journal& Journal::operator=(Journal&& other) noexcept {
  m_cached.clear();  // statements go before the connection they belong to
  if (m_db) unwatch_connection(m_db->getHandle());
  m_db = std::move(other.m_db);
  m_cached = std::move(other.m_cached);
  m_display_name = std::move(other.m_display_name);
  m_backup_stamp = std::move(other.m_backup_stamp);
  m_migration_backup = std::move(other.m_migration_backup);
  m_history_command = std::move(other.m_history_command);
  m_history_at = std::move(other.m_history_at);
  m_needs_upgrade = other.m_needs_upgrade;
  m_in_memory = other.m_in_memory;
  m_pending = std::move(other.m_pending);
  m_pending_path = std::move(other.m_pending_path);
  if (m_creation_lock >= 0) ::close(m_creation_lock);
  m_creation_lock = std::exchange(other.m_creation_lock, -1);
  m_depth = other.m_depth;
  return *this;
}
Journal::~Journal() {
  if (m_db) unwatch_connection(m_db->getHandle());
  if (m_creation_lock >= 0) ::close(m_creation_lock);
}

int Journal::latest_version() { return static_cast<int>(migrations().size()); }

Journal Journal::open(const std::filesystem::path& path, Access access,
                      std::string_view backup_stamp) {
  const std::string shown = path.string();
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (exists) check_regular_file(path, shown);
  if (!exists && access == Access::read) return in_memory();
  if (exists) require_sqlite_header(path, shown);
  if (access == Access::write) check_writable(path, exists, shown);
  if (!exists) {
    // Only one kith creates a journal at a time; one that waited finds it made.
    // A dangling symbolic link names the file to create, as SQLite would have created it.
    auto target = path;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) {
      const auto link = std::filesystem::read_symlink(path, ec);
      target = link.is_absolute() ? link : directory_of(path) / link;
    }
    int lock = lock_directory(directory_of(target), shown);
    if (!std::filesystem::exists(path, ec)) {
      Journal journal = create_pending(target, shown);
      journal.m_creation_lock = lock;
      return journal;
    }
    ::close(lock);
    return open(path, access, backup_stamp);
  }
  try {
    auto db = access == Access::read
                  ? open_read_only(path)
                  : std::make_unique<SQLite::Database>(as_file_name(path), SQLite::OPEN_READWRITE,
                                                       k_busy_timeout_ms);
    Journal journal(std::move(db), shown);
    journal.m_backup_stamp = backup_stamp;
    journal.prepare(access);
    watch_connection(journal.m_db->getHandle());
    // A journal from an older kith is upgraded once, even by a command that only reads.
    if (journal.m_needs_upgrade) return open(path, Access::write, backup_stamp);
    return journal;
  } catch (const SQLite::Exception& e) {
    // An existing journal that cannot be opened is a permission problem, not a missing file.
    if ((e.getErrorCode() & 0xff) == SQLITE_CANTOPEN && exists) {
      throw Error(ErrorKind::permission, "cannot open the journal " + shown +
                                             " (or its -wal/-shm files): permission denied");
    }
    throw translate_sqlite_error(e, shown);
  }
}

Journal Journal::in_memory() {
  try {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    Journal journal(std::move(db), ":memory:");
    journal.m_in_memory = true;
    journal.prepare(Access::write);
    return journal;
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, ":memory:");
  }
}

Journal Journal::create_pending(const std::filesystem::path& path, const std::string& shown) {
  auto temp = std::make_unique<TempFile>(directory_of(path), "." + path.filename().string() + ".",
                                         "", shown, true);
  try {
    auto db = std::make_unique<SQLite::Database>(as_file_name(temp->path()), SQLite::OPEN_READWRITE,
                                                 k_busy_timeout_ms);
    Journal journal(std::move(db), shown);
    journal.m_pending = std::move(temp);
    journal.m_pending_path = path;
    journal.prepare(Access::write);
    watch_connection(journal.m_db->getHandle());
    return journal;
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, shown);
  }
}

void Journal::promote() {
  try {
    m_cached.clear();
    unwatch_connection(m_db->getHandle());
    // Set now, so the file is never seen in another mode; closing removes the -wal.
    m_db->exec("PRAGMA journal_mode = WAL");
    m_db.reset();
    try {
      m_pending->move_to(m_pending_path, false);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::cant_create) throw;
      throw Error(ErrorKind::busy, "another kith process created the journal " + m_display_name +
                                       " at the same moment; nothing was written; try again");
    }
    m_pending.reset();
    ::close(m_creation_lock);
    m_creation_lock = -1;
    m_db = std::make_unique<SQLite::Database>(as_file_name(m_pending_path), SQLite::OPEN_READWRITE,
                                              k_busy_timeout_ms);
    prepare(Access::write);
    watch_connection(m_db->getHandle());
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, m_display_name);
  }
}

Journal Journal::in_memory_copy(const std::filesystem::path& path) {
  const std::string shown = path.string();
  check_regular_file(path, shown);
  require_sqlite_header(path, shown);
  try {
    auto source = open_read_only(path);
    auto copy = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    sqlite3_backup* backup =
        sqlite3_backup_init(copy->getHandle(), "main", source->getHandle(), "main");
    if (backup == nullptr) {
      throw SQLite::Exception(copy->getHandle(), sqlite3_errcode(copy->getHandle()));
    }
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_errstr(rc), rc);
    Journal journal(std::move(copy), shown);
    journal.m_in_memory = true;
    journal.prepare(Access::write);
    return journal;
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, shown);
  }
}

void Journal::prepare(Access access) {
  sqlite3* handle = m_db->getHandle();
  sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  m_db->exec("PRAGMA foreign_keys = ON");
  sqlite3_create_function(handle, "kith_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          sql_text_function<fold>, nullptr, nullptr);
  sqlite3_create_function(handle, "kith_ref_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          sql_text_function<reference_key>, nullptr, nullptr);
  register_search_tokenizer(handle);

  int application_id = pragma_int(*m_db, "application_id");
  int version = pragma_int(*m_db, "user_version");
  if (application_id == 0) {
    int objects = m_db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    if (objects > 0) {
      throw Error(ErrorKind::corrupt, m_display_name +
                                          " is an SQLite database of another application, not a "
                                          "kith journal; use --db to name your journal");
    }
    version = 0;
  } else if (application_id != k_application_id) {
    throw Error(ErrorKind::corrupt, m_display_name +
                                        " is an SQLite database of another application, not a "
                                        "kith journal; use --db to name your journal");
  }
  if (version > latest_version()) {
    throw Error(ErrorKind::schema_too_new,
                "the journal " + m_display_name + " was written by a newer kith (schema " +
                    std::to_string(version) + ", this kith knows " +
                    std::to_string(latest_version()) + "); upgrade kith");
  }
  if (access == Access::read) {
    if (version == 0 && application_id == 0) {
      *this = in_memory();  // an empty file reads as an empty journal
      return;
    }
    m_needs_upgrade = version < latest_version();
    return;
  }
  // A journal still being created stays in rollback mode until promote(), so that its file
  // alone holds everything when it is moved into place.
  if (!m_in_memory && !m_pending) m_db->exec("PRAGMA journal_mode = WAL");
  m_db->exec("PRAGMA synchronous = NORMAL");
  if (version >= 1 && version < latest_version() && !m_in_memory && !m_backup_stamp.empty() &&
      holds_records(*m_db, version)) {
    // An upgrade is the one change kith makes that the user did not ask for: keep a copy.
    m_migration_backup = unused_backup_path(m_display_name, m_backup_stamp);
    backup_database(*m_db, m_migration_backup);
  }
  if (version == latest_version()) return;
  // Every step of an upgrade in one transaction: a crash or kill -9 part-way leaves the journal
  // at the version it had, never at one in between.
  SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
  // Another process may have migrated while this one waited for the lock.
  const int current = pragma_int(*m_db, "user_version");
  for (int step = current; step < latest_version(); ++step) {
    m_db->exec(std::string(migrations()[static_cast<std::size_t>(step)]));
  }
  m_db->exec("PRAGMA application_id = " + std::to_string(k_application_id));
  m_db->exec("PRAGMA user_version = " + std::to_string(latest_version()));
  tx.commit();
}

namespace {

// Runs `work` in a transaction of the given kind, with SQLite's errors turned into kith's.
void in_transaction(SQLite::Database& db, SQLite::TransactionBehavior behavior,
                    const std::string& name, const std::function<void()>& work) {
  try {
    SQLite::Transaction tx(db, behavior);
    work();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw translate_sqlite_error(e, name);
  }
}

}  // namespace

void Journal::write(const std::function<void()>& work) {
  if (m_depth > 0) return work();  // part of the enclosing unit of work
  ++m_depth;
  try {
    in_transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE, m_display_name, [&] {
      std::optional<ChangeRecorder> recorder;
      if (!m_history_command.empty()) recorder.emplace(*m_db);
      m_recorder = recorder ? &*recorder : nullptr;
      work();
      m_recorder = nullptr;
      reset_cached();
      if (recorder) recorder->finish(m_history_command, m_history_at);
      throw_if_interrupted();  // Ctrl-C before the commit: roll back, change nothing
      if (m_pending) m_pending->keep_on_signal();
    });
  } catch (...) {
    m_recorder = nullptr;
    reset_cached();
    --m_depth;
    throw;
  }
  --m_depth;
  if (m_pending) promote();
}

void Journal::savepoint(const std::function<void()>& work) {
  const auto exec = [this](const char* sql) {
    try {
      m_db->exec(sql);
    } catch (const SQLite::Exception& e) {
      throw translate_sqlite_error(e, m_display_name);
    }
  };
  exec("SAVEPOINT kith_record");
  try {
    work();
  } catch (...) {
    reset_cached();
    try {
      m_db->exec("ROLLBACK TO kith_record; RELEASE kith_record");
    } catch (const SQLite::Exception&) {
      // SQLite already rolled the whole transaction back (an interrupt, a full disk): the
      // savepoint is gone, and the error that did it goes on.
    }
    throw;
  }
  exec("RELEASE kith_record");
}

void Journal::bound_history() {
  if (m_recorder != nullptr) m_recorder->bound(m_history_command, m_history_at);
}

void Journal::read(const std::function<void()>& work) {
  if (m_depth > 0) return work();
  ++m_depth;
  try {
    in_transaction(*m_db, SQLite::TransactionBehavior::DEFERRED, m_display_name, [&] {
      work();
      reset_cached();
    });
  } catch (...) {
    reset_cached();
    --m_depth;
    throw;
  }
  --m_depth;
}

void Journal::record_history(std::string command, std::string at) {
  m_history_command = std::move(command);
  m_history_at = std::move(at);
}

SQLite::Database& Journal::database() { return *m_db; }

SQLite::Statement& Journal::cached(const char* sql) {
  auto& slot = m_cached[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(*m_db, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

void Journal::reset_cached() {
  for (auto& [sql, stmt] : m_cached) {
    try {
      stmt->reset();
    } catch (const SQLite::Exception&) {
      // The statement's last step failed; that error was reported where it happened.
    }
  }
}

}  // namespace kith
