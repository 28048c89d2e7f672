#include "kith/storage/event_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kith/domain/fold.hpp"
#include "kith/storage/sql.hpp"
#include "kith/util/uid.hpp"

namespace kith {

namespace {

constexpr const char* k_columns =
    "e.id, e.uid, e.ics_uid, e.name, e.starts_on, e.starts_at, e.ends_on, e.ends_at, "
    "e.time_zone, e.location, e.url, e.description, e.status, e.created_at, e.updated_at";

std::optional<std::chrono::minutes> optional_time(SQLite::Statement& stmt, int index) {
  auto column = stmt.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return parse_time(column.getString());
}

void bind_time(SQLite::Statement& stmt, int index, const std::optional<std::chrono::minutes>& t) {
  sql::bind_text(stmt, index, t ? format_time(*t) : std::string());
}

Event read_event(SQLite::Statement& stmt) {
  Event e;
  e.id = stmt.getColumn(0).getInt64();
  e.uid = stmt.getColumn(1).getString();
  e.ics_uid = sql::text(stmt, 2);
  e.name = stmt.getColumn(3).getString();
  e.starts_on = sql::day(stmt, 4);
  e.starts_at = optional_time(stmt, 5);
  e.ends_on = sql::optional_date(stmt, 6);
  e.ends_at = optional_time(stmt, 7);
  e.time_zone = sql::text(stmt, 8);
  e.location = sql::text(stmt, 9);
  e.url = sql::text(stmt, 10);
  e.description = sql::text(stmt, 11);
  e.status = parse_attendance(stmt.getColumn(12).getString()).value_or(Attendance::planned);
  e.created_at = stmt.getColumn(13).getString();
  e.updated_at = stmt.getColumn(14).getString();
  return e;
}

// Binds the fields shared by insert and update to parameters 1..14.
void bind_fields(SQLite::Statement& stmt, const Event& e) {
  sql::bind_text(stmt, 1, e.ics_uid);
  stmt.bind(2, e.name);
  stmt.bind(3, fold(e.name));
  sql::bind_date(stmt, 4, e.starts_on);
  bind_time(stmt, 5, e.starts_at);
  sql::bind_date(stmt, 6, e.ends_on);
  bind_time(stmt, 7, e.ends_at);
  sql::bind_text(stmt, 8, e.time_zone);
  sql::bind_text(stmt, 9, e.location);
  sql::bind_text(stmt, 10, e.url);
  sql::bind_text(stmt, 11, e.description);
  stmt.bind(12, std::string(to_string(e.status)));
  stmt.bind(13, e.updated_at);
}

}  // namespace

std::int64_t EventStore::insert(const Event& event) {
  auto& db = m_journal.database();
  SQLite::Statement stmt(db,
                         "INSERT INTO event (ics_uid, name, name_key, starts_on, starts_at, "
                         "ends_on, ends_at, time_zone, location, url, description, status, "
                         "updated_at, uid, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                         "?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  bind_fields(stmt, event);
  stmt.bind(14, event.uid.empty() ? new_uid() : event.uid);
  stmt.bind(15, event.created_at);
  stmt.exec();
  Event stored = event;
  stored.id = db.getLastInsertRowid();
  write_tags(stored);
  return stored.id;
}

void EventStore::update(const Event& event) {
  SQLite::Statement stmt(m_journal.database(),
                         "UPDATE event SET ics_uid = ?1, name = ?2, name_key = ?3, starts_on = ?4, "
                         "starts_at = ?5, ends_on = ?6, ends_at = ?7, time_zone = ?8, "
                         "location = ?9, url = ?10, description = ?11, status = ?12, "
                         "updated_at = ?13 WHERE id = ?14");
  bind_fields(stmt, event);
  stmt.bind(14, event.id);
  stmt.exec();
  write_tags(event);
}

void EventStore::write_tags(const Event& event) {
  auto& db = m_journal.database();
  SQLite::Statement clear(db, "DELETE FROM event_tag WHERE event_id = ?");
  clear.bind(1, event.id);
  clear.exec();
  SQLite::Statement tag(db, "INSERT OR IGNORE INTO event_tag (event_id, tag) VALUES (?, ?)");
  for (const auto& t : event.tags) {
    tag.bind(1, event.id);
    tag.bind(2, t);
    tag.exec();
    tag.reset();
  }
}

void EventStore::load_tags(Event& event) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT tag FROM event_tag WHERE event_id = ? ORDER BY tag");
  stmt.bind(1, event.id);
  while (stmt.executeStep()) event.tags.push_back(stmt.getColumn(0).getString());
}

std::vector<Event> EventStore::read_all(SQLite::Statement& stmt) {
  std::vector<Event> out;
  while (stmt.executeStep()) out.push_back(read_event(stmt));
  for (auto& e : out) load_tags(e);
  return out;
}

void EventStore::remove(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM event WHERE id = ?");
  stmt.bind(1, id);
  stmt.exec();
}

std::optional<Event> EventStore::get(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns + " FROM event e WHERE e.id = ?");
  stmt.bind(1, id);
  auto events = read_all(stmt);
  if (events.empty()) return std::nullopt;
  return events.front();
}

std::optional<std::int64_t> EventStore::find_by_uid(const std::string& uid) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id FROM event WHERE uid = ?1 UNION ALL "
                         "SELECT id FROM event WHERE ics_uid = ?1 LIMIT 1");
  stmt.bind(1, uid);
  return sql::single_id(stmt);
}

std::optional<std::int64_t> EventStore::find_by_ics_uid(const std::string& ics_uid) {
  SQLite::Statement stmt(m_journal.database(), "SELECT id FROM event WHERE ics_uid = ?");
  stmt.bind(1, ics_uid);
  return sql::single_id(stmt);
}

std::vector<std::int64_t> EventStore::ids_with_ics_uid_prefix(const std::string& prefix) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id FROM event WHERE substr(ics_uid, 1, length(?1)) = ?1 "
                         "ORDER BY id");
  stmt.bind(1, prefix);
  std::vector<std::int64_t> ids;
  while (stmt.executeStep()) ids.push_back(stmt.getColumn(0).getInt64());
  return ids;
}

std::vector<EventName> EventStore::names_equal(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM event WHERE name_key = ? ORDER BY starts_on, id "
                         "LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<EventName>(stmt);
}

std::vector<EventName> EventStore::names_containing(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM event WHERE instr(kith_ref_key(name_key), ?) > 0 "
                         "ORDER BY starts_on, id LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<EventName>(stmt);
}

std::vector<EventName> EventStore::names_with_word_starting(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM event "
                         "WHERE instr(' ' || kith_ref_key(name_key), ' ' || ?) > 0 "
                         "ORDER BY starts_on, id LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<EventName>(stmt);
}

std::vector<EventSummary> EventStore::list(EventPeriod period, date::year_month_day today) {
  std::string query = std::string("SELECT ") + k_columns +
                      ", (SELECT count(*) FROM event_contact ec WHERE ec.event_id = e.id) "
                      "FROM event e";
  if (period == EventPeriod::upcoming)
    query += " WHERE e.starts_on >= :today ORDER BY e.starts_on, e.starts_at, e.id";
  if (period == EventPeriod::past)
    query += " WHERE e.starts_on < :today ORDER BY e.starts_on DESC, e.starts_at DESC, e.id DESC";
  if (period == EventPeriod::all) query += " ORDER BY e.starts_on, e.starts_at, e.id";
  SQLite::Statement stmt(m_journal.database(), query);
  if (period != EventPeriod::all) stmt.bind(":today", format_date(today));
  std::vector<EventSummary> out;
  while (stmt.executeStep()) out.push_back({read_event(stmt), stmt.getColumn(15).getInt()});
  for (auto& s : out) load_tags(s.event);
  return out;
}

std::vector<Event> EventStore::planned_between(date::year_month_day from, date::year_month_day to) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns +
                             " FROM event e WHERE e.status = 'planned' AND e.starts_on BETWEEN ? "
                             "AND ? ORDER BY e.starts_on, e.starts_at, e.id");
  sql::bind_date(stmt, 1, from);
  sql::bind_date(stmt, 2, to);
  return read_all(stmt);
}

std::optional<std::int64_t> EventStore::find_same(const std::string& name,
                                                  date::year_month_day starts_on) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id FROM event WHERE name_key = ? AND starts_on = ? "
                         "ORDER BY id LIMIT 1");
  stmt.bind(1, fold(name));
  sql::bind_date(stmt, 2, starts_on);
  return sql::single_id(stmt);
}

void EventStore::for_each(const std::function<void(const Event&, const People&)>& fn) {
  SQLite::Statement stmt(
      m_journal.database(),
      std::string("SELECT ") + k_columns +
          ", (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM event_tag WHERE "
          "event_id = e.id ORDER BY tag)), (SELECT group_concat(uid, char(31)) FROM (SELECT "
          "c.uid FROM event_contact ec JOIN contact c ON c.id = ec.contact_id WHERE "
          "ec.event_id = e.id ORDER BY c.uid)), (SELECT group_concat(name, char(31)) FROM (SELECT "
          "c.name FROM event_contact ec JOIN contact c ON c.id = ec.contact_id WHERE "
          "ec.event_id = e.id ORDER BY c.uid)) FROM event e ORDER BY e.id");
  while (stmt.executeStep()) {
    Event e = read_event(stmt);
    e.tags = sql::split_list(sql::text(stmt, 15));
    fn(e, {sql::split_list(sql::text(stmt, 16)), sql::split_list(sql::text(stmt, 17))});
  }
}

bool EventStore::link_contact(std::int64_t event_id, std::int64_t contact_id) {
  SQLite::Statement stmt(
      m_journal.database(),
      "INSERT OR IGNORE INTO event_contact (event_id, contact_id) VALUES (?, ?)");
  stmt.bind(1, event_id);
  stmt.bind(2, contact_id);
  return stmt.exec() > 0;
}

void EventStore::unlink_all(std::int64_t event_id) {
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM event_contact WHERE event_id = ?");
  stmt.bind(1, event_id);
  stmt.exec();
}

std::vector<ContactName> EventStore::people_met(std::int64_t event_id) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT c.id, c.name FROM event_contact ec JOIN contact c ON c.id = "
                         "ec.contact_id WHERE ec.event_id = ? ORDER BY c.name_key, c.id");
  stmt.bind(1, event_id);
  std::vector<ContactName> out;
  while (stmt.executeStep())
    out.push_back({stmt.getColumn(0).getInt64(), stmt.getColumn(1).getString()});
  return out;
}

std::vector<Event> EventStore::events_for_contact(std::int64_t contact_id) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns +
                             " FROM event_contact ec JOIN event e ON e.id = ec.event_id "
                             "WHERE ec.contact_id = ? ORDER BY e.starts_on, e.id");
  stmt.bind(1, contact_id);
  return read_all(stmt);
}

}  // namespace kith
