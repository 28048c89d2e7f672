#include "kith/storage/contact_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/fold.hpp"
#include "kith/storage/sql.hpp"
#include "kith/util/uid.hpp"

namespace kith {

namespace {

constexpr const char* k_columns =
    "c.id, c.uid, c.name, c.company, c.title, c.location, c.url, c.note, c.how_met, "
    "c.introduced_by, c.cadence, c.cadence_snoozed_until, c.added_on, c.archived, c.created_at, "
    "c.updated_at, c.birthday, c.cadence_since";

Contact read_contact(SQLite::Statement& stmt) {
  Contact c;
  c.id = stmt.getColumn(0).getInt64();
  c.uid = stmt.getColumn(1).getString();
  c.name = stmt.getColumn(2).getString();
  c.company = sql::text(stmt, 3);
  c.title = sql::text(stmt, 4);
  c.location = sql::text(stmt, 5);
  c.url = sql::text(stmt, 6);
  c.note = sql::text(stmt, 7);
  c.how_met = sql::text(stmt, 8);
  if (!stmt.getColumn(9).isNull()) c.introduced_by = stmt.getColumn(9).getInt64();
  c.cadence = sql::optional_interval(stmt, 10);
  c.cadence_snoozed_until = sql::optional_date(stmt, 11);
  c.added_on = sql::day(stmt, 12);
  c.archived = stmt.getColumn(13).getInt() != 0;
  c.created_at = stmt.getColumn(14).getString();
  c.updated_at = stmt.getColumn(15).getString();
  c.birthday = sql::text(stmt, 16);
  c.cadence_since = sql::optional_date(stmt, 17);
  return c;
}

// The index of the first column a query selects after k_columns.
constexpr int k_after = 18;

// Binds the fields shared by insert and update to parameters 1..14, 17 and 18.
void bind_fields(SQLite::Statement& stmt, const Contact& c) {
  stmt.bind(1, c.name);
  stmt.bind(2, fold(c.name));
  sql::bind_text(stmt, 3, c.company);
  sql::bind_text(stmt, 4, c.title);
  sql::bind_text(stmt, 5, c.location);
  sql::bind_text(stmt, 6, c.url);
  sql::bind_text(stmt, 7, c.note);
  sql::bind_text(stmt, 8, c.how_met);
  if (c.introduced_by) {
    stmt.bind(9, *c.introduced_by);
  } else {
    stmt.bind(9);
  }
  sql::bind_text(stmt, 10, c.cadence ? format_interval(*c.cadence) : std::string());
  sql::bind_date(stmt, 11, c.cadence_snoozed_until);
  sql::bind_date(stmt, 12, c.added_on);
  stmt.bind(13, c.archived ? 1 : 0);
  stmt.bind(14, c.updated_at);
  sql::bind_text(stmt, 17, c.birthday);
  sql::bind_text(stmt, 18, c.url.empty() ? std::string() : url_key(c.url));
}

// The lists of a contact, each read by one subquery as values joined by the unit separator.
constexpr const char* k_list_columns =
    "(SELECT group_concat(email, char(31)) FROM (SELECT email FROM contact_email "
    "WHERE contact_id = c.id ORDER BY position)), "
    "(SELECT group_concat(phone, char(31)) FROM (SELECT phone FROM contact_phone "
    "WHERE contact_id = c.id ORDER BY position)), "
    "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM contact_tag "
    "WHERE contact_id = c.id ORDER BY tag))";

}  // namespace

std::int64_t ContactStore::insert(const Contact& contact) {
  auto& db = m_journal.database();
  SQLite::Statement& stmt = m_journal.cached(
      "INSERT INTO contact (name, name_key, company, title, location, url, "
      "note, how_met, introduced_by, cadence, cadence_snoozed_until, added_on, "
      "archived, updated_at, uid, created_at, birthday, url_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
      "?15, ?16, ?17, ?18)");
  bind_fields(stmt, contact);
  stmt.bind(15, contact.uid.empty() ? new_uid() : contact.uid);
  stmt.bind(16, contact.created_at);
  stmt.exec();
  Contact stored = contact;
  stored.id = db.getLastInsertRowid();
  write_lists(stored, false);
  return stored.id;
}

void ContactStore::update(const Contact& contact) {
  SQLite::Statement& stmt = m_journal.cached(
      "UPDATE contact SET name = ?1, name_key = ?2, company = ?3, title = ?4, "
      "location = ?5, url = ?6, note = ?7, how_met = ?8, introduced_by = ?9, "
      "cadence = ?10, cadence_snoozed_until = ?11, added_on = ?12, "
      "archived = ?13, updated_at = ?14, birthday = ?17, url_key = ?18 WHERE id = ?15");
  bind_fields(stmt, contact);
  stmt.bind(15, contact.id);
  stmt.exec();
  write_lists(contact, true);
}

void ContactStore::set_cadence_since(std::int64_t id, date::year_month_day day) {
  SQLite::Statement& stmt = m_journal.cached("UPDATE contact SET cadence_since = ? WHERE id = ?");
  sql::bind_date(stmt, 1, day);
  stmt.bind(2, id);
  stmt.exec();
}

void ContactStore::write_lists(const Contact& contact, bool replace) {
  for (const char* sql : {"DELETE FROM contact_email WHERE contact_id = ?",
                          "DELETE FROM contact_phone WHERE contact_id = ?",
                          "DELETE FROM contact_tag WHERE contact_id = ?"}) {
    if (!replace) break;  // a new contact has no lists to clear
    SQLite::Statement& clear = m_journal.cached(sql);
    clear.bind(1, contact.id);
    clear.exec();
  }
  SQLite::Statement& email =
      m_journal.cached("INSERT INTO contact_email (contact_id, position, email) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < contact.emails.size(); ++i) {
    email.bind(1, contact.id);
    email.bind(2, static_cast<std::int64_t>(i));
    email.bind(3, contact.emails[i]);
    email.exec();
    email.reset();
  }
  SQLite::Statement& phone =
      m_journal.cached("INSERT INTO contact_phone (contact_id, position, phone) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < contact.phones.size(); ++i) {
    phone.bind(1, contact.id);
    phone.bind(2, static_cast<std::int64_t>(i));
    phone.bind(3, contact.phones[i]);
    phone.exec();
    phone.reset();
  }
  SQLite::Statement& tag =
      m_journal.cached("INSERT OR IGNORE INTO contact_tag (contact_id, tag) VALUES (?, ?)");
  for (const auto& t : contact.tags) {
    tag.bind(1, contact.id);
    tag.bind(2, t);
    tag.exec();
    tag.reset();
  }
}

void ContactStore::load_lists(Contact& contact) {
  auto load = [&](const char* sql, std::vector<std::string>& into) {
    SQLite::Statement& stmt = m_journal.cached(sql);
    stmt.bind(1, contact.id);
    while (stmt.executeStep()) into.push_back(stmt.getColumn(0).getString());
  };
  load("SELECT email FROM contact_email WHERE contact_id = ? ORDER BY position", contact.emails);
  load("SELECT phone FROM contact_phone WHERE contact_id = ? ORDER BY position", contact.phones);
  load("SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY tag", contact.tags);
}

void ContactStore::remove(std::int64_t id) {
  // Conversations with nobody else in them go with the contact; shared ones stay.
  SQLite::Statement orphans(
      m_journal.database(),
      "DELETE FROM conversation WHERE id IN (SELECT conversation_id FROM "
      "conversation_contact WHERE contact_id = ?1) AND NOT EXISTS (SELECT 1 "
      "FROM conversation_contact cc WHERE cc.conversation_id = conversation.id "
      "AND cc.contact_id <> ?1)");
  orphans.bind(1, id);
  orphans.exec();
  SQLite::Statement stmt(m_journal.database(), "DELETE FROM contact WHERE id = ?");
  stmt.bind(1, id);
  stmt.exec();
}

std::optional<Contact> ContactStore::get(std::int64_t id) {
  static const std::string sql =
      std::string("SELECT ") + k_columns + " FROM contact c WHERE c.id = ?";
  SQLite::Statement& stmt = m_journal.cached(sql.c_str());
  stmt.bind(1, id);
  if (!stmt.executeStep()) return std::nullopt;
  Contact contact = read_contact(stmt);
  load_lists(contact);
  return contact;
}

std::map<std::int64_t, std::string> ContactStore::names(const std::vector<std::int64_t>& ids) {
  SQLite::Statement stmt(
      m_journal.database(),
      "SELECT id, name FROM contact WHERE id IN (SELECT value FROM json_each(?))");
  stmt.bind(1, sql::id_list(ids));
  std::map<std::int64_t, std::string> out;
  while (stmt.executeStep())
    out.emplace(stmt.getColumn(0).getInt64(), stmt.getColumn(1).getString());
  return out;
}

std::optional<std::int64_t> ContactStore::find_by_uid(const std::string& uid) {
  SQLite::Statement& stmt = m_journal.cached("SELECT id FROM contact WHERE uid = ?");
  stmt.bind(1, uid);
  return sql::single_id(stmt);
}

std::vector<std::int64_t> ContactStore::find_by_name_and_company(const std::string& name,
                                                                 const std::string& company) {
  SQLite::Statement& stmt = m_journal.cached(
      "SELECT id FROM contact WHERE name_key = ?1 AND "
      "coalesce(kith_fold(company), '') = ?2 ORDER BY id LIMIT 2");
  stmt.bind(1, fold(name));
  stmt.bind(2, fold(company));
  std::vector<std::int64_t> out;
  while (stmt.executeStep()) out.push_back(stmt.getColumn(0).getInt64());
  return out;
}

void ContactStore::for_each(const std::function<void(const Contact&, const Links&)>& fn) {
  SQLite::Statement stmt(m_journal.database(),
                         std::string("SELECT ") + k_columns + ", " + k_list_columns +
                             ", i.uid, i.name, (SELECT max(v.happened_on) FROM "
                             "conversation_contact cc JOIN conversation v ON v.id = "
                             "cc.conversation_id WHERE cc.contact_id = c.id) FROM contact c "
                             "LEFT JOIN contact i ON i.id = c.introduced_by ORDER BY c.id");
  while (stmt.executeStep()) {
    Contact contact = read_contact(stmt);
    contact.emails = sql::split_list(sql::text(stmt, k_after + 0));
    contact.phones = sql::split_list(sql::text(stmt, k_after + 1));
    contact.tags = sql::split_list(sql::text(stmt, k_after + 2));
    fn(contact, {sql::text(stmt, k_after + 3), sql::text(stmt, k_after + 4),
                 sql::optional_date(stmt, k_after + 5)});
  }
}

std::optional<std::int64_t> ContactStore::find_by_email(const std::string& email) {
  SQLite::Statement& stmt =
      m_journal.cached("SELECT contact_id FROM contact_email WHERE email = ?");
  stmt.bind(1, email);
  return sql::single_id(stmt);
}

std::optional<std::int64_t> ContactStore::find_by_url(const std::string& url) {
  SQLite::Statement& stmt = m_journal.cached("SELECT id FROM contact WHERE url_key = ?");
  stmt.bind(1, url_key(url));
  return sql::single_id(stmt);
}

std::vector<ContactName> ContactStore::names_equal(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM contact WHERE name_key = ? ORDER BY id LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<ContactName>(stmt);
}

std::vector<ContactName> ContactStore::names_containing(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM contact WHERE instr(kith_ref_key(name_key), ?) > 0 "
                         "ORDER BY name_key, id LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<ContactName>(stmt);
}

std::vector<ContactName> ContactStore::names_with_word_starting(const std::string& key, int limit) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM contact "
                         "WHERE instr(' ' || kith_ref_key(name_key), ' ' || ?) > 0 "
                         "ORDER BY name_key, id LIMIT ?");
  stmt.bind(1, key);
  stmt.bind(2, limit);
  return sql::read_names<ContactName>(stmt);
}

std::vector<ContactSummary> ContactStore::list(const ContactFilter& filter) {
  std::string query = std::string("SELECT ") + k_columns +
                      ", (SELECT max(v.happened_on) FROM conversation_contact cc "
                      "JOIN conversation v ON v.id = cc.conversation_id "
                      "WHERE cc.contact_id = c.id), " +
                      k_list_columns + " FROM contact c WHERE 1";
  if (filter.archived == ContactFilter::Archived::exclude) query += " AND c.archived = 0";
  if (filter.archived == ContactFilter::Archived::only) query += " AND c.archived = 1";
  if (!filter.tag.empty()) {
    query += " AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = :tag)";
  }
  if (!filter.company.empty()) query += " AND instr(kith_fold(c.company), :company) > 0";
  query += " ORDER BY c.name_key, c.id";
  SQLite::Statement stmt(m_journal.database(), query);
  if (!filter.tag.empty()) stmt.bind(":tag", filter.tag);
  if (!filter.company.empty()) stmt.bind(":company", fold(filter.company));
  std::vector<ContactSummary> out;
  while (stmt.executeStep()) {
    ContactSummary summary{read_contact(stmt), sql::optional_date(stmt, k_after)};
    summary.contact.emails = sql::split_list(sql::text(stmt, k_after + 1));
    summary.contact.phones = sql::split_list(sql::text(stmt, k_after + 2));
    summary.contact.tags = sql::split_list(sql::text(stmt, k_after + 3));
    out.push_back(std::move(summary));
  }
  return out;
}

std::optional<date::year_month_day> ContactStore::last_contacted(std::int64_t id) {
  SQLite::Statement stmt(
      m_journal.database(),
      "SELECT max(v.happened_on) FROM conversation_contact cc "
      "JOIN conversation v ON v.id = cc.conversation_id WHERE cc.contact_id = ?");
  stmt.bind(1, id);
  stmt.executeStep();
  return sql::optional_date(stmt, 0);
}

RemovalCounts ContactStore::removal_counts(std::int64_t id) {
  SQLite::Statement stmt(
      m_journal.database(),
      "SELECT (SELECT count(*) FROM conversation_contact cc WHERE cc.contact_id = ?1 AND NOT "
      "EXISTS (SELECT 1 FROM conversation_contact o WHERE o.conversation_id = cc.conversation_id "
      "AND o.contact_id <> ?1)), (SELECT count(*) FROM follow_up WHERE contact_id = ?1), "
      "(SELECT count(*) FROM event_contact WHERE contact_id = ?1)");
  stmt.bind(1, id);
  stmt.executeStep();
  return {stmt.getColumn(0).getInt(), stmt.getColumn(1).getInt(), stmt.getColumn(2).getInt()};
}

std::vector<ContactName> ContactStore::introduced_by(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name FROM contact WHERE introduced_by = ? ORDER BY name_key");
  stmt.bind(1, id);
  return sql::read_names<ContactName>(stmt);
}

int ContactStore::conversation_count(std::int64_t id) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT count(*) FROM conversation_contact WHERE contact_id = ?");
  stmt.bind(1, id);
  stmt.executeStep();
  return stmt.getColumn(0).getInt();
}

void ContactStore::repoint(std::int64_t from, std::int64_t to, const std::string& now) {
  auto& db = m_journal.database();
  auto run = [&](const char* sql) {
    SQLite::Statement stmt(db, sql);
    stmt.bind(1, from);
    stmt.bind(2, to);
    if (stmt.getBindParameterCount() >= 3) stmt.bind(3, now);
    stmt.exec();
  };
  run("UPDATE conversation SET updated_at = ?3 WHERE id IN (SELECT conversation_id FROM "
      "conversation_contact WHERE contact_id = ?1) AND ?2 IS NOT NULL");
  run("UPDATE follow_up SET updated_at = ?3 WHERE contact_id = ?1 AND ?2 IS NOT NULL");
  run("UPDATE event SET updated_at = ?3 WHERE id IN (SELECT event_id FROM event_contact WHERE "
      "contact_id = ?1) AND ?2 IS NOT NULL");
  run("UPDATE contact SET updated_at = ?3 WHERE introduced_by = ?1 AND ?2 IS NOT NULL");
  // A conversation with both people keeps one link, to the kept contact.
  run("UPDATE OR IGNORE conversation_contact SET contact_id = ?2 WHERE contact_id = ?1");
  run("DELETE FROM conversation_contact WHERE contact_id = ?1 AND ?2 IS NOT NULL");
  run("UPDATE follow_up SET contact_id = ?2 WHERE contact_id = ?1");
  run("UPDATE OR IGNORE event_contact SET contact_id = ?2 WHERE contact_id = ?1");
  run("UPDATE contact SET introduced_by = ?2 WHERE introduced_by = ?1 AND id <> ?2");
  run("UPDATE contact SET introduced_by = NULL WHERE id = ?2 AND introduced_by = ?1");
}

}  // namespace kith
