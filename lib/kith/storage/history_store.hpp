// The history of changes behind `kith history` and `kith undo`. Every unit of work that
// changes the journal is recorded as one entry: the command that made it, a summary, and an
// SQLite session changeset of exactly what it changed (the search index and the history
// itself excepted: triggers rebuild the one, and the other is the record). Undo applies the
// inverse changeset, so an undone import removes what it added and restores what it updated.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kith/domain/history_entry.hpp"

struct sqlite3_session;

namespace SQLite {
class Database;
}

namespace kith {

class Journal;

// How many entries the history keeps; older ones are dropped (they can no longer be undone).
inline constexpr int k_history_limit = 100;

// Records the changes made on a connection while it is alive, for one history entry.
class ChangeRecorder {
 public:
  // Starts recording on the connection, unless the journal is empty (then nothing needs
  // recording: undo empties it). Call inside the write transaction, before the work.
  explicit ChangeRecorder(SQLite::Database& db);
  ChangeRecorder(const ChangeRecorder&) = delete;
  ChangeRecorder& operator=(const ChangeRecorder&) = delete;
  ~ChangeRecorder();

  // Adds the entry for what was recorded (nothing when nothing changed) and drops entries
  // beyond k_history_limit; call inside the same transaction, after the work.
  void finish(const std::string& command, const std::string& at);

 private:
  SQLite::Database& m_db;
  sqlite3_session* m_session = nullptr;
  bool m_from_empty = false;
};

class HistoryStore {
 public:
  explicit HistoryStore(Journal& journal) : m_journal(journal) {}

  // The newest `limit` entries, newest first.
  std::vector<HistoryEntry> latest(int limit);

  // Reverts one entry exactly and removes it from the history. Throws invalid_data when the
  // journal has changed in a way the entry cannot be reverted over (e.g. edited by another
  // program). Call inside a write transaction that records no history.
  void revert(const HistoryEntry& entry);

 private:
  Journal& m_journal;
};

}  // namespace kith
