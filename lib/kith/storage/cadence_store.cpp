#include "kith/storage/cadence_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kith/storage/sql.hpp"

namespace kith {

namespace {

// What CadenceCandidate holds, for a query over `contact c`.
constexpr std::string_view k_candidate_columns =
    "SELECT c.id, c.name, c.cadence, c.cadence_snoozed_until, c.added_on, c.cadence_since, "
    "(SELECT group_concat(t.tag, char(31)) FROM contact_tag t WHERE t.contact_id = c.id), "
    "(SELECT max(v.happened_on) FROM conversation_contact cc JOIN conversation v "
    "ON v.id = cc.conversation_id WHERE cc.contact_id = c.id) ";

std::vector<CadenceCandidate> read_candidates(SQLite::Statement& stmt) {
  std::vector<CadenceCandidate> out;
  while (stmt.executeStep()) {
    CadenceCandidate c;
    c.contact = {stmt.getColumn(0).getInt64(), stmt.getColumn(1).getString()};
    c.cadence = sql::optional_interval(stmt, 2);
    c.snoozed_until = sql::optional_date(stmt, 3);
    c.added_on = sql::day(stmt, 4);
    c.cadence_since = sql::optional_date(stmt, 5);
    c.tags = sql::split_list(sql::text(stmt, 6));
    c.last_contacted = sql::optional_date(stmt, 7);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<CadenceCandidate> CadenceStore::cadence_candidates(
    const std::vector<std::string>& tier_tags) {
  std::string tags_json = "[";
  for (const auto& tag : tier_tags) {
    if (tags_json.size() > 1) tags_json += ',';
    tags_json += '"';
    for (char ch : tag) {
      if (ch == '"' || ch == '\\') tags_json += '\\';
      tags_json += ch;
    }
    tags_json += '"';
  }
  tags_json += ']';
  SQLite::Statement stmt(
      m_journal.database(),
      std::string(k_candidate_columns) +
          // The two sources as one id list, so each uses its index (contact_with_cadence,
          // contact_tag_by_tag) instead of a scan of every contact.
          "FROM contact c WHERE c.archived = 0 AND c.id IN ("
          "SELECT id FROM contact WHERE cadence IS NOT NULL AND archived = 0 UNION ALL "
          "SELECT t.contact_id FROM contact_tag t WHERE t.tag IN (SELECT value FROM "
          "json_each(?)))");
  stmt.bind(1, tags_json);
  return read_candidates(stmt);
}

std::vector<CadenceCandidate> CadenceStore::active_candidates(const std::string& tag) {
  // Staleness is about everyone, so this reads each active contact once; the last
  // conversation comes from the conversation_contact primary key, one short range each.
  std::string text = std::string(k_candidate_columns) + "FROM contact c WHERE c.archived = 0";
  if (!tag.empty()) {
    text += " AND c.id IN (SELECT t.contact_id FROM contact_tag t WHERE t.tag = ?)";
  }
  SQLite::Statement stmt(m_journal.database(), text);
  if (!tag.empty()) stmt.bind(1, tag);
  return read_candidates(stmt);
}

}  // namespace kith
