#include "kith/storage/conversation_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "kith/storage/sql.hpp"
#include "kith/util/uid.hpp"

namespace kith {

namespace {

constexpr const char* k_columns =
    "v.id, v.uid, v.happened_on, v.channel, v.direction, v.summary, v.note, v.created_at, "
    "v.updated_at, v.event_id";

Conversation read_conversation(SQLite::Statement& stmt) {
  Conversation v;
  v.id = stmt.getColumn(0).getInt64();
  v.uid = stmt.getColumn(1).getString();
  v.on = sql::day(stmt, 2);
  v.channel = parse_channel(stmt.getColumn(3).getString()).value_or(Channel::other);
  v.direction = parse_direction(stmt.getColumn(4).getString()).value_or(Direction::out);
  v.summary = stmt.getColumn(5).getString();
  v.note = sql::text(stmt, 6);
  v.created_at = stmt.getColumn(7).getString();
  v.updated_at = stmt.getColumn(8).getString();
  v.event_id = sql::optional_id(stmt, 9);
  return v;
}

void bind_fields(SQLite::Statement& stmt, const Conversation& v) {
  sql::bind_date(stmt, 1, v.on);
  stmt.bind(2, std::string(to_string(v.channel)));
  stmt.bind(3, std::string(to_string(v.direction)));
  stmt.bind(4, v.summary);
  sql::bind_text(stmt, 5, v.note);
  stmt.bind(6, v.updated_at);
  sql::bind_id(stmt, 7, v.event_id);
}

}  // namespace

std::int64_t ConversationStore::insert(const Conversation& conversation) {
  auto& db = m_journal.database();
  SQLite::Statement stmt(
      db,
      "INSERT INTO conversation (happened_on, channel, direction, summary, note, "
      "updated_at, event_id, uid, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  bind_fields(stmt, conversation);
  stmt.bind(8, conversation.uid.empty() ? new_uid() : conversation.uid);
  stmt.bind(9, conversation.created_at);
  stmt.exec();
  Conversation stored = conversation;
  stored.id = db.getLastInsertRowid();
  write_links(stored);
  return stored.id;
}

void ConversationStore::update(const Conversation& conversation) {
  SQLite::Statement stmt(m_journal.database(),
                         "UPDATE conversation SET happened_on = ?1, channel = ?2, direction = ?3, "
                         "summary = ?4, note = ?5, updated_at = ?6, event_id = ?7 "
                         "WHERE id = ?8");
  bind_fields(stmt, conversation);
  stmt.bind(8, conversation.id);
  stmt.exec();
  write_links(conversation);
}

void ConversationStore::write_links(const Conversation& conversation) {
  auto& db = m_journal.database();
  SQLite::Statement clear(db, "DELETE FROM conversation_contact WHERE conversation_id = ?");
  clear.bind(1, conversation.id);
  clear.exec();
  SQLite::Statement link(db,
                         "INSERT OR IGNORE INTO conversation_contact (conversation_id, contact_id) "
                         "VALUES (?, ?)");
  for (auto contact_id : conversation.contact_ids) {
    link.bind(1, conversation.id);
    link.bind(2, contact_id);
    link.exec();
    link.reset();
  }
}

void ConversationStore::load_links(Conversation& conversation) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT contact_id FROM conversation_contact WHERE conversation_id = ? "
                         "ORDER BY contact_id");
  stmt.bind(1, conversation.id);
  while (stmt.executeStep()) conversation.contact_ids.push_back(stmt.getColumn(0).getInt64());
}

void ConversationStore::remove(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM conversation WHERE id = ?");
  stmt.bind(1, id);
  stmt.exec();
}

std::optional<Conversation> ConversationStore::get(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(), std::string("SELECT ") + k_columns +
                                                   " FROM conversation v WHERE v.id = ?");
  stmt.bind(1, id);
  if (!stmt.executeStep()) return std::nullopt;
  Conversation v = read_conversation(stmt);
  load_links(v);
  return v;
}

std::optional<std::int64_t> ConversationStore::find_by_uid(const std::string& uid) {
  SQLite::Statement stmt(m_journal.database(), "SELECT id FROM conversation WHERE uid = ?");
  stmt.bind(1, uid);
  return sql::single_id(stmt);
}

std::optional<std::int64_t> ConversationStore::find_same(const Conversation& conversation) {
  if (conversation.contact_ids.empty()) return std::nullopt;
  // From the day and summary (conversation_by_day_summary), never from the person: someone
  // with 40,000 conversations would make an import of them quadratic.
  SQLite::Statement& stmt = m_journal.cached(
      "SELECT v.id FROM conversation v WHERE v.happened_on = ?2 AND v.summary = ?3 AND "
      "EXISTS (SELECT 1 FROM conversation_contact cc WHERE cc.conversation_id = v.id AND "
      "cc.contact_id = ?1) AND (SELECT group_concat(contact_id) FROM (SELECT contact_id FROM "
      "conversation_contact WHERE conversation_id = v.id ORDER BY contact_id)) = ?4 "
      "ORDER BY v.id LIMIT 1");
  std::vector<std::int64_t> ids = conversation.contact_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string joined;
  for (auto id : ids) joined += (joined.empty() ? "" : ",") + std::to_string(id);
  stmt.bind(1, ids.front());
  sql::bind_date(stmt, 2, conversation.on);
  stmt.bind(3, conversation.summary);
  stmt.bind(4, joined);
  return sql::single_id(stmt);
}

void ConversationStore::for_each(const std::function<void(const Conversation&, const Links&)>& fn) {
  SQLite::Statement stmt(
      m_journal.database(),
      std::string("SELECT ") + k_columns +
          ", (SELECT group_concat(uid, char(31)) FROM (SELECT c.uid FROM conversation_contact cc "
          "JOIN contact c ON c.id = cc.contact_id WHERE cc.conversation_id = v.id ORDER BY "
          "c.uid)), (SELECT group_concat(name, char(31)) FROM (SELECT c.name FROM "
          "conversation_contact cc JOIN contact c ON c.id = cc.contact_id WHERE "
          "cc.conversation_id = v.id ORDER BY c.uid)), e.uid, e.name "
          "FROM conversation v LEFT JOIN event e ON e.id = v.event_id ORDER BY v.id");
  while (stmt.executeStep()) {
    Conversation v = read_conversation(stmt);
    fn(v, {sql::split_list(sql::text(stmt, 10)), sql::split_list(sql::text(stmt, 11)),
           sql::text(stmt, 12), sql::text(stmt, 13)});
  }
}

std::vector<Conversation> ConversationStore::for_contact(std::int64_t contact_id) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns +
                             " FROM conversation_contact cc JOIN conversation v ON v.id = "
                             "cc.conversation_id WHERE cc.contact_id = ? "
                             "ORDER BY v.happened_on, v.id");
  stmt.bind(1, contact_id);
  std::vector<Conversation> out;
  while (stmt.executeStep()) out.push_back(read_conversation(stmt));
  for (auto& v : out) load_links(v);
  return out;
}

std::map<std::int64_t, Conversation> ConversationStore::last_for_contacts(
    const std::vector<std::int64_t>& ids) {
  SQLite::Statement stmt(
      m_journal.database(),
      std::string("SELECT ") + k_columns +
          ", contact_id FROM (SELECT v.*, cc.contact_id, row_number() OVER (PARTITION BY "
          "cc.contact_id ORDER BY v.happened_on DESC, v.id DESC) AS rank FROM "
          "conversation_contact cc JOIN conversation v ON v.id = cc.conversation_id WHERE "
          "cc.contact_id IN (SELECT value FROM json_each(?))) v WHERE v.rank = 1");
  stmt.bind(1, sql::id_list(ids));
  std::map<std::int64_t, Conversation> out;
  while (stmt.executeStep()) out.emplace(stmt.getColumn(10).getInt64(), read_conversation(stmt));
  return out;
}

bool ConversationStore::has_other_in_person(std::int64_t contact_id, std::int64_t except) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT 1 FROM conversation_contact cc JOIN conversation v ON v.id = "
                         "cc.conversation_id WHERE cc.contact_id = ? AND cc.conversation_id <> ? "
                         "AND v.channel IN ('coffee', 'meeting', 'event') LIMIT 1");
  stmt.bind(1, contact_id);
  stmt.bind(2, except);
  return stmt.executeStep();
}

}  // namespace kith
