// The history of changes behind `kith history` and `kith undo`. Every unit of work that
// changes the journal is recorded as one entry: the command that made it, a summary, and an
// SQLite session changeset of exactly what it changed (the search index and the history
// itself excepted: triggers rebuild the one, and the other is the record). Undo applies the
// inverse changeset, so an undone import removes what it added and restores what it updated.
#pragma once

#include <cstddef>
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
  // When bound() hands the changes over as a piece: after this many calls (records), or
  // once the session holds this much. A session keeps an inserted row's key, not its values
  // (those are read when the changeset is made), so the count is what bounds a piece of
  // inserts: a few MB of changeset at most for the records kith imports.
  static constexpr int k_piece_records = 2000;
  static constexpr std::size_t k_piece_bytes = 4u << 20;

  // Starts recording on the connection, unless the journal is empty (then nothing needs
  // recording: undo empties it). Call inside the write transaction, before the work.
  explicit ChangeRecorder(SQLite::Database& db);
  ChangeRecorder(const ChangeRecorder&) = delete;
  ChangeRecorder& operator=(const ChangeRecorder&) = delete;
  ~ChangeRecorder();

  // Keeps what is held in memory bounded: every k_piece_records calls, or once the session
  // passes k_piece_bytes, writes the changes recorded so far to the journal as a piece of this
  // entry (history_piece) and records on from there. Cheap to call after every record of a long
  // unit of work, at a point where the journal is consistent.
  void bound(const std::string& command, const std::string& at);

  // Adds the entry for what was recorded (nothing when nothing changed) and drops entries
  // beyond k_history_limit; call inside the same transaction, after the work.
  void finish(const std::string& command, const std::string& at);

 private:
  struct Tally;
  struct Changeset {
    std::unique_ptr<void, void (*)(void*)> data{nullptr, nullptr};
    int size = 0;
    Changeset() = default;
    Changeset(void* p, int n);
  };

  void start_session();
  Changeset take_changeset();
  // The entry's row, added on first need (a piece, or the end).
  std::int64_t entry_id(const std::string& command, const std::string& at);

  SQLite::Database& m_db;
  sqlite3_session* m_session = nullptr;
  bool m_from_empty = false;
  std::unique_ptr<Tally> m_tally;
  std::int64_t m_entry_id = 0;
  int m_pieces = 0;
  int m_since_piece = 0;  // calls to bound() since the last piece
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
