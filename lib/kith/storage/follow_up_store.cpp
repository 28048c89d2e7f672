#include "kith/storage/follow_up_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kith/storage/sql.hpp"
#include "kith/util/uid.hpp"

namespace kith {

namespace {

constexpr const char* k_columns =
    "f.id, f.uid, f.contact_id, f.due_on, f.note, f.origin, f.every, f.status, f.closed_on, "
    "f.created_at, f.updated_at, f.event_id, f.repeats_from";

FollowUp read_follow_up(SQLite::Statement& stmt) {
  FollowUp f;
  f.id = stmt.getColumn(0).getInt64();
  f.uid = stmt.getColumn(1).getString();
  f.contact_id = stmt.getColumn(2).getInt64();
  f.due_on = sql::day(stmt, 3);
  f.note = sql::text(stmt, 4);
  f.origin = parse_follow_up_origin(stmt.getColumn(5).getString()).value_or(FollowUpOrigin::manual);
  f.every = sql::optional_interval(stmt, 6);
  f.status = parse_follow_up_status(stmt.getColumn(7).getString()).value_or(FollowUpStatus::open);
  f.closed_on = sql::optional_date(stmt, 8);
  f.created_at = stmt.getColumn(9).getString();
  f.updated_at = stmt.getColumn(10).getString();
  f.event_id = sql::optional_id(stmt, 11);
  f.repeats_from = sql::optional_date(stmt, 12);
  return f;
}

void bind_fields(SQLite::Statement& stmt, const FollowUp& f) {
  stmt.bind(1, f.contact_id);
  sql::bind_date(stmt, 2, f.due_on);
  sql::bind_text(stmt, 3, f.note);
  stmt.bind(4, std::string(to_string(f.origin)));
  sql::bind_text(stmt, 5, f.every ? format_interval(*f.every) : std::string());
  stmt.bind(6, std::string(to_string(f.status)));
  sql::bind_date(stmt, 7, f.closed_on);
  stmt.bind(8, f.updated_at);
  sql::bind_id(stmt, 9, f.event_id);
  sql::bind_date(stmt, 10, f.repeats_from);
}

}  // namespace

std::int64_t FollowUpStore::insert(const FollowUp& follow_up) {
  auto& db = m_journal.database();
  SQLite::Statement stmt(db,
                         "INSERT INTO follow_up (contact_id, due_on, note, origin, every, status, "
                         "closed_on, updated_at, event_id, repeats_from, uid, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  bind_fields(stmt, follow_up);
  stmt.bind(11, follow_up.uid.empty() ? new_uid() : follow_up.uid);
  stmt.bind(12, follow_up.created_at);
  stmt.exec();
  return db.getLastInsertRowid();
}

void FollowUpStore::update(const FollowUp& follow_up) {
  SQLite::Statement stmt(
      m_journal.database(),
      "UPDATE follow_up SET contact_id = ?1, due_on = ?2, note = ?3, origin = ?4, "
      "every = ?5, status = ?6, closed_on = ?7, updated_at = ?8, event_id = ?9, "
      "repeats_from = ?10 WHERE id = ?11");
  bind_fields(stmt, follow_up);
  stmt.bind(11, follow_up.id);
  stmt.exec();
}

void FollowUpStore::remove(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM follow_up WHERE id = ?");
  stmt.bind(1, id);
  stmt.exec();
}

std::optional<std::int64_t> FollowUpStore::find_by_uid(const std::string& uid) {
  SQLite::Statement stmt(m_journal.database(), "SELECT id FROM follow_up WHERE uid = ?");
  stmt.bind(1, uid);
  return sql::single_id(stmt);
}

std::optional<std::int64_t> FollowUpStore::find_same(const FollowUp& follow_up) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id FROM follow_up WHERE contact_id = ?1 AND due_on = ?2 AND "
                         "coalesce(note, '') = ?3 AND status = 'open' ORDER BY id LIMIT 1");
  stmt.bind(1, follow_up.contact_id);
  sql::bind_date(stmt, 2, follow_up.due_on);
  stmt.bind(3, follow_up.note);
  return sql::single_id(stmt);
}

std::optional<std::int64_t> FollowUpStore::find_for_event(std::int64_t contact_id,
                                                          std::int64_t event_id) {
  SQLite::Statement stmt(
      m_journal.database(),
      "SELECT id FROM follow_up WHERE contact_id = ?1 AND event_id = ?2 ORDER BY id LIMIT 1");
  stmt.bind(1, contact_id);
  stmt.bind(2, event_id);
  return sql::single_id(stmt);
}

void FollowUpStore::for_each(bool open_only,
                             const std::function<void(const FollowUp&, const Links&)>& fn) {
  SQLite::Statement stmt(
      m_journal.database(),
      std::string("SELECT ") + k_columns +
          ", c.uid, c.name, e.uid, e.name FROM follow_up f JOIN contact c ON "
          "c.id = f.contact_id LEFT JOIN event e ON e.id = f.event_id" +
          (open_only ? " WHERE f.status = 'open' ORDER BY f.due_on, f.id" : " ORDER BY f.id"));
  while (stmt.executeStep()) {
    fn(read_follow_up(stmt), {stmt.getColumn(13).getString(), stmt.getColumn(14).getString(),
                              sql::text(stmt, 15), sql::text(stmt, 16)});
  }
}

std::optional<FollowUp> FollowUpStore::get(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns + " FROM follow_up f WHERE f.id = ?");
  stmt.bind(1, id);
  if (!stmt.executeStep()) return std::nullopt;
  return read_follow_up(stmt);
}

std::vector<FollowUp> FollowUpStore::list(const FollowUpFilter& filter) {
  std::string query = std::string("SELECT ") + k_columns + " FROM follow_up f WHERE 1";
  if (!filter.include_closed) query += " AND f.status = 'open'";
  if (filter.contact_id) query += " AND f.contact_id = :contact";
  if (filter.due_by) query += " AND f.due_on <= :due_by";
  if (filter.active_contacts_only) {
    // NOT EXISTS probes each open follow-up's contact by primary key; an IN (SELECT ...) list
    // of active contacts would read every contact first.
    query +=
        " AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.id = f.contact_id AND c.archived <> 0)";
  }
  query += " ORDER BY f.status <> 'open', f.due_on, f.id";
  SQLite::Statement stmt(m_journal.database(), query);
  if (filter.contact_id) stmt.bind(":contact", *filter.contact_id);
  if (filter.due_by) sql::bind_date(stmt, stmt.getIndex(":due_by"), *filter.due_by);
  std::vector<FollowUp> out;
  while (stmt.executeStep()) out.push_back(read_follow_up(stmt));
  return out;
}

}  // namespace kith
