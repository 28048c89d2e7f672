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

#include <algorithm>
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

void sort_unique(std::vector<std::int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

bool holds(const std::vector<std::int64_t>& sorted, std::int64_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

}  // namespace

// The records a unit of work added, changed and removed, by kind, gathered from each piece of
// its changes: a contact whose tags changed counts as a changed contact, and one added in a
// piece and changed in a later one as added. Ids, not sets: 8 bytes a record.
struct ChangeRecorder::Tally {
  struct Ids {
    std::vector<std::int64_t> added, changed, removed;
  };
  std::map<std::string_view, Ids> by_kind;

  void count(int size, void* changeset) {
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start(&it, size, changeset) != SQLITE_OK) return;
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
      Ids& ids = by_kind[role->kind];
      auto& list = role->owner_column >= 0 || op == SQLITE_UPDATE ? ids.changed
                   : op == SQLITE_INSERT                          ? ids.added
                                                                  : ids.removed;
      list.push_back(value_id(value));
    }
    sqlite3changeset_finalize(it);
    for (auto& [kind, ids] : by_kind) {
      for (auto* list : {&ids.added, &ids.changed, &ids.removed}) sort_unique(*list);
    }
  }

  std::string summary() const {
    std::map<std::string_view, int> n_added, n_changed, n_removed;
    for (const auto& [kind, kind_ids] : by_kind) {
      const Ids& ids = kind_ids;  // clang 14 cannot capture a structured binding
      n_added[kind] = static_cast<int>(ids.added.size());
      n_removed[kind] = static_cast<int>(ids.removed.size());
      n_changed[kind] = static_cast<int>(std::count_if(
          ids.changed.begin(), ids.changed.end(),
          [&](std::int64_t id) { return !holds(ids.added, id) && !holds(ids.removed, id); }));
    }
    return describe(n_added, n_changed, n_removed);
  }
};

namespace {

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

// Applies the inverse of one changeset; throws when the journal changed since in a way it
// cannot be reverted over.
void revert_changeset(SQLite::Database& db, std::int64_t entry_id, const void* changeset,
                      int size) {
  Conflicts conflicts;
  int rc = sqlite3changeset_apply_v2(db.getHandle(), size, const_cast<void*>(changeset), nullptr,
                                     on_conflict, &conflicts, nullptr, nullptr,
                                     SQLITE_CHANGESETAPPLY_INVERT);
  // Ctrl-C stops the apply with SQLITE_INTERRUPT: an interruption, not a conflict.
  if (rc == SQLITE_INTERRUPT || interrupt_requested()) throw_if_interrupted();
  if (rc != SQLITE_OK) {
    throw Error(ErrorKind::invalid_data,
                "cannot undo #" + std::to_string(entry_id) + " exactly: " +
                    (conflicts.first.empty() ? std::string(sqlite3_errstr(rc)) : conflicts.first) +
                    "; nothing was changed");
  }
}

}  // namespace

ChangeRecorder::ChangeRecorder(SQLite::Database& db) : m_db(db) {
  m_from_empty = journal_is_empty(db);
  if (m_from_empty) return;
  m_tally = std::make_unique<Tally>();
  start_session();
}

ChangeRecorder::~ChangeRecorder() {
  if (m_session != nullptr) sqlite3session_delete(m_session);
}

ChangeRecorder::Changeset::Changeset(void* p, int n) : data(p, sqlite3_free), size(n) {}

void ChangeRecorder::start_session() {
  sqlite3* connection = m_db.getHandle();
  check(sqlite3session_create(connection, "main", &m_session), connection, "record changes");
  sqlite3session_table_filter(m_session, records_table, nullptr);
  check(sqlite3session_attach(m_session, nullptr), connection, "record changes");
}

ChangeRecorder::Changeset ChangeRecorder::take_changeset() {
  int size = 0;
  void* changeset = nullptr;
  check(sqlite3session_changeset(m_session, &size, &changeset), m_db.getHandle(), "record changes");
  Changeset owned{changeset, size};
  if (size > 0) m_tally->count(size, changeset);
  return owned;
}

std::int64_t ChangeRecorder::entry_id(const std::string& command, const std::string& at) {
  if (m_entry_id != 0) return m_entry_id;
  SQLite::Statement insert(m_db,
                           "INSERT INTO history (at, command, summary, from_empty, changeset)"
                           " VALUES (?1, ?2, '', ?3, NULL)");
  insert.bind(1, at);
  insert.bind(2, command);
  insert.bind(3, m_from_empty ? 1 : 0);
  insert.exec();
  m_entry_id = m_db.getLastInsertRowid();
  return m_entry_id;
}

void ChangeRecorder::bound(const std::string& command, const std::string& at) {
  if (m_session == nullptr) return;
  if (++m_since_piece < k_piece_records &&
      sqlite3session_memory_used(m_session) < static_cast<sqlite3_int64>(k_piece_bytes)) {
    return;
  }
  m_since_piece = 0;
  Changeset piece = take_changeset();
  if (piece.size > 0) {
    SQLite::Statement insert(m_db,
                             "INSERT INTO history_piece (history_id, seq, changeset)"
                             " VALUES (?1, ?2, ?3)");
    insert.bind(1, entry_id(command, at));
    insert.bind(2, ++m_pieces);
    insert.bind(3, piece.data.get(), piece.size);
    insert.exec();
  }
  // A new session records from here on: each piece holds the changes made while it was open.
  sqlite3session_delete(m_session);
  m_session = nullptr;
  start_session();
}

void ChangeRecorder::finish(const std::string& command, const std::string& at) {
  std::string summary;
  Changeset last;
  if (m_from_empty) {
    if (journal_is_empty(m_db)) return;
    summary = summarise_all(m_db);
  } else {
    last = take_changeset();
    if (last.size == 0 && m_pieces == 0) return;
    summary = m_tally->summary();
  }
  std::int64_t id = entry_id(command, at);
  SQLite::Statement update(m_db, "UPDATE history SET summary = ?1, changeset = ?2 WHERE id = ?3");
  update.bind(1, summary);
  if (last.size > 0) {
    update.bind(2, last.data.get(), last.size);
  } else {
    update.bind(2);
  }
  update.bind(3, id);
  update.exec();
  SQLite::Statement prune(m_db, "DELETE FROM history WHERE id <= ?1 - ?2");
  prune.bind(1, id);
  prune.bind(2, k_history_limit);
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
    // The last piece is the entry's own changeset, the earlier ones are in history_piece:
    // undone newest first, each back to the state the one before it left.
    SQLite::Statement exists(db, "SELECT 1 FROM history WHERE id = ?1");
    exists.bind(1, entry.id);
    if (!exists.executeStep()) {
      throw Error(ErrorKind::not_found, "history entry #" + std::to_string(entry.id) + " is gone");
    }
    SQLite::Statement pieces(
        db,
        "SELECT changeset FROM (SELECT 0 AS seq, changeset FROM history WHERE id = ?1"
        " AND changeset IS NOT NULL UNION ALL SELECT seq, changeset FROM history_piece"
        " WHERE history_id = ?1) ORDER BY seq = 0 DESC, seq DESC");
    pieces.bind(1, entry.id);
    while (pieces.executeStep()) {
      auto blob = pieces.getColumn(0);
      revert_changeset(db, entry.id, blob.getBlob(), blob.getBytes());
    }
  }
  SQLite::Statement remove(db, "DELETE FROM history WHERE id = ?1");
  remove.bind(1, entry.id);
  remove.exec();
}

}  // namespace kith
