#include "kith/storage/tombstone_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kith {

namespace {

Tombstone read_tombstone(SQLite::Statement& stmt) {
  return {parse_record_kind(stmt.getColumn(1).getString()).value_or(RecordKind::contact),
          stmt.getColumn(0).getString(), stmt.getColumn(2).getString()};
}

}  // namespace

void TombstoneStore::bury(const Tombstone& tombstone) {
  SQLite::Statement stmt(m_journal.database(),
                         "INSERT INTO tombstone (uid, kind, deleted_at) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (uid) DO UPDATE SET kind = ?2, deleted_at = ?3");
  stmt.bind(1, tombstone.uid);
  stmt.bind(2, std::string(to_string(tombstone.kind)));
  stmt.bind(3, tombstone.deleted_at);
  stmt.exec();
}

void TombstoneStore::exhume(const std::string& uid) {
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM tombstone WHERE uid = ?");
  stmt.bind(1, uid);
  stmt.exec();
}

std::optional<Tombstone> TombstoneStore::find(const std::string& uid) {
  SQLite::Statement& stmt =
      m_journal.cached("SELECT uid, kind, deleted_at FROM tombstone WHERE uid = ?");
  stmt.bind(1, uid);
  if (!stmt.executeStep()) return std::nullopt;
  return read_tombstone(stmt);
}

void TombstoneStore::for_each(const std::function<void(const Tombstone&)>& fn) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT uid, kind, deleted_at FROM tombstone ORDER BY deleted_at, uid");
  while (stmt.executeStep()) fn(read_tombstone(stmt));
}

}  // namespace kith
