// The session extension is compiled into Debian's libsqlite3; its API is declared only when
// these are defined before sqlite3.h.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
// clang-format off: sqlite3.h must come first
#include "kith/storage/history_store.hpp"
// clang-format on

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

// What a table's changes count as in a summary: the record kind they belong to, and for a
// list table (emails, tags, the people in a conversation) the column holding its owner's id.
struct TableRole {
  std::string_view table;
  std::string_view kind;  // "contact", "conversation", "follow-up", "event"; "" to leave out
  int owner_column;       // -1: the table's own rows are the records
};

constexpr std::array<TableRole, 11> k_roles{{
    {"contact", "contact", -1},
    {"contact_email", "contact", 0},
    {"contact_phone", "contact", 0},
    {"contact_tag", "contact", 0},
    {"conversation", "conversation", -1},
    {"conversation_contact", "conversation", 0},
    {"follow_up", "follow-up", -1},
    {"event", "event", -1},
    {"event_tag", "event", 0},
    {"event_contact", "event", 0},
    {"tombstone", "", -1},
}};

// The order kinds appear in a summary.
constexpr std::array<std::string_view, 4> k_kinds{"contact", "conversation", "follow-up", "event"};

// The tables a changeset records: the journal's own data, not the search index (its triggers
// follow every change, also an undo) nor the history.
int records_table(void*, const char* table) {
  std::string_view name(table);
  return name.starts_with("search_index") || name == "history" || name.starts_with("sqlite_") ? 0
                                                                                              : 1;
}

const TableRole* role_of(std::string_view table) {
  for (const auto& role : k_roles) {
    if (role.table == table) return &role;
  }
  return nullptr;
}

std::string counted(int n, std::string_view kind) {
  return std::to_string(n) + " " + std::string(kind) + (n == 1 ? "" : "s");
}

// "added 2 contacts, 1 conversation; changed 1 contact; removed 1 event".
std::string describe(const std::map<std::string_view, int>& added,
                     const std::map<std::string_view, int>& changed,
                     const std::map<std::string_view, int>& removed) {
  std::string out;
  auto part = [&](const char* verb, const std::map<std::string_view, int>& counts) {
    std::string list;
    for (auto kind : k_kinds) {
      auto it = counts.find(kind);
      if (it == counts.end() || it->second == 0) continue;
      list += (list.empty() ? "" : ", ") + counted(it->second, kind);
    }
    if (list.empty()) return;
    out += (out.empty() ? "" : "; ") + std::string(verb) + " " + list;
  };
  part("added", added);
  part("changed", changed);
  part("removed", removed);
  return out.empty() ? "no visible change" : out;
}

std::int64_t value_id(sqlite3_value* value) {
  return value == nullptr ? 0 : sqlite3_value_int64(value);
}

// Summarises a changeset by record: a contact whose tags changed counts as a changed contact.
std::string summarise(int size, void* changeset) {
  std::map<std::string_view, std::set<std::int64_t>> added, changed, removed;
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, size, changeset) != SQLITE_OK) return "changes";
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    sqlite3changeset_op(it, &table, &columns, &op, &indirect);
    const TableRole* role = role_of(table);
    if (role == nullptr || role->kind.empty()) continue;
    int column = role->owner_column < 0 ? 0 : role->owner_column;
    sqlite3_value* value = nullptr;
    if (op == SQLITE_INSERT) {
      sqlite3changeset_new(it, column, &value);
    } else {
      sqlite3changeset_old(it, column, &value);
    }
    std::int64_t id = value_id(value);
    if (role->owner_column >= 0 || op == SQLITE_UPDATE) {
      changed[role->kind].insert(id);
    } else if (op == SQLITE_INSERT) {
      added[role->kind].insert(id);
    } else {
      removed[role->kind].insert(id);
    }
  }
  sqlite3changeset_finalize(it);
  std::map<std::string_view, int> n_added, n_changed, n_removed;
  for (auto kind : k_kinds) {
    n_added[kind] = static_cast<int>(added[kind].size());
    n_removed[kind] = static_cast<int>(removed[kind].size());
    int n = 0;
    for (auto id : changed[kind]) {
      if (!added[kind].contains(id) && !removed[kind].contains(id)) ++n;
    }
    n_changed[kind] = n;
  }
  return describe(n_added, n_changed, n_removed);
}

// True when the journal holds no records (and no deletions to carry to another machine).
bool journal_is_empty(SQLite::Database& db) {
  return db.execAndGet(
               "SELECT NOT EXISTS (SELECT 1 FROM contact) AND NOT EXISTS (SELECT 1 FROM event)"
               " AND NOT EXISTS (SELECT 1 FROM conversation)"
               " AND NOT EXISTS (SELECT 1 FROM tombstone)")
             .getInt() != 0;
}

int count_of(SQLite::Database& db, const char* sql) { return db.execAndGet(sql).getInt(); }

// What a change to an empty journal added: everything in it now.
std::string summarise_all(SQLite::Database& db) {
  std::map<std::string_view, int> added{
      {"contact", count_of(db, "SELECT count(*) FROM contact")},
      {"conversation", count_of(db, "SELECT count(*) FROM conversation")},
      {"follow-up", count_of(db, "SELECT count(*) FROM follow_up")},
      {"event", count_of(db, "SELECT count(*) FROM event")},
  };
  return describe(added, {}, {});
}

void check(int rc, sqlite3* connection, const char* what) {
  if (rc != SQLITE_OK) {
    throw Error(ErrorKind::internal,
                std::string("cannot ") + what + ": " + sqlite3_errstr(rc) + " (" +
                    (connection != nullptr ? sqlite3_errmsg(connection) : "") + ")");
  }
}

// Why an undo could not be applied, collected by the conflict handler.
struct Conflicts {
  std::string first;
};

int on_conflict(void* context, int reason, sqlite3_changeset_iter* it) {
  const char* table = nullptr;
  int columns = 0, op = 0, indirect = 0;
  sqlite3changeset_op(it, &table, &columns, &op, &indirect);
  // Deleting a contact deletes its emails and tags with it (ON DELETE CASCADE), so their own
  // deletions find nothing left to delete.
  if (reason == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE) return SQLITE_CHANGESET_OMIT;
  auto* conflicts = static_cast<Conflicts*>(context);
  if (conflicts->first.empty()) {
    conflicts->first = std::string(reason == SQLITE_CHANGESET_FOREIGN_KEY
                                       ? "a record it links to is gone"
                                       : "a " + std::string(table) + " record changed since");
  }
  return SQLITE_CHANGESET_ABORT;
}

}  // namespace

ChangeRecorder::ChangeRecorder(SQLite::Database& db) : m_db(db) {
  m_from_empty = journal_is_empty(db);
  if (m_from_empty) return;
  sqlite3* connection = db.getHandle();
  check(sqlite3session_create(connection, "main", &m_session), connection, "record changes");
  sqlite3session_table_filter(m_session, records_table, nullptr);
  check(sqlite3session_attach(m_session, nullptr), connection, "record changes");
}

ChangeRecorder::~ChangeRecorder() {
  if (m_session != nullptr) sqlite3session_delete(m_session);
}

void ChangeRecorder::finish(const std::string& command, const std::string& at) {
  std::string summary;
  SQLite::Statement insert(m_db,
                           "INSERT INTO history (at, command, summary, from_empty, changeset)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, at);
  insert.bind(2, command);
  insert.bind(4, m_from_empty ? 1 : 0);
  if (m_from_empty) {
    if (journal_is_empty(m_db)) return;
    insert.bind(3, summarise_all(m_db));
    insert.bind(5);
  } else {
    int size = 0;
    void* changeset = nullptr;
    check(sqlite3session_changeset(m_session, &size, &changeset), m_db.getHandle(),
          "record changes");
    std::unique_ptr<void, decltype(&sqlite3_free)> owned(changeset, sqlite3_free);
    if (size == 0) return;
    insert.bind(3, summarise(size, changeset));
    insert.bind(5, changeset, size);
  }
  insert.exec();
  SQLite::Statement prune(m_db, "DELETE FROM history WHERE id <= last_insert_rowid() - ?1");
  prune.bind(1, k_history_limit);
  prune.exec();
}

std::vector<HistoryEntry> HistoryStore::latest(int limit) {
  SQLite::Statement query(m_journal.database(),
                          "SELECT id, at, command, summary, from_empty FROM history"
                          " ORDER BY id DESC LIMIT ?1");
  query.bind(1, limit);
  std::vector<HistoryEntry> entries;
  while (query.executeStep()) {
    HistoryEntry entry;
    entry.id = query.getColumn(0).getInt64();
    entry.at = query.getColumn(1).getString();
    entry.command = query.getColumn(2).getString();
    entry.summary = query.getColumn(3).getString();
    entry.from_empty = query.getColumn(4).getInt() != 0;
    entries.push_back(std::move(entry));
  }
  return entries;
}

void HistoryStore::revert(const HistoryEntry& entry) {
  auto& db = m_journal.database();
  if (entry.from_empty) {
    // Deleting the people deletes what hangs on them (ON DELETE CASCADE); the triggers
    // empty the search index as they go.
    db.exec(
        "DELETE FROM follow_up; DELETE FROM conversation; DELETE FROM event;"
        " DELETE FROM contact; DELETE FROM tombstone;");
  } else {
    SQLite::Statement query(db, "SELECT changeset FROM history WHERE id = ?1");
    query.bind(1, entry.id);
    if (!query.executeStep()) {
      throw Error(ErrorKind::not_found, "history entry #" + std::to_string(entry.id) + " is gone");
    }
    auto blob = query.getColumn(0);
    std::string changeset(static_cast<const char*>(blob.getBlob()),
                          static_cast<std::size_t>(blob.getBytes()));
    query.reset();
    Conflicts conflicts;
    int rc = sqlite3changeset_apply_v2(db.getHandle(), static_cast<int>(changeset.size()),
                                       changeset.data(), nullptr, on_conflict, &conflicts, nullptr,
                                       nullptr, SQLITE_CHANGESETAPPLY_INVERT);
    // Ctrl-C stops the apply with SQLITE_INTERRUPT: an interruption, not a conflict.
    if (rc == SQLITE_INTERRUPT || interrupt_requested()) throw_if_interrupted();
    if (rc != SQLITE_OK) {
      throw Error(
          ErrorKind::invalid_data,
          "cannot undo #" + std::to_string(entry.id) + " exactly: " +
              (conflicts.first.empty() ? std::string(sqlite3_errstr(rc)) : conflicts.first) +
              "; nothing was changed");
    }
  }
  SQLite::Statement remove(db, "DELETE FROM history WHERE id = ?1");
  remove.bind(1, entry.id);
  remove.exec();
}

}  // namespace kith
