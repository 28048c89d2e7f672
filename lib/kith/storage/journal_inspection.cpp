#include "kith/storage/journal_inspection.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <functional>

#include "kith/domain/fold.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/journal_file.hpp"
#include "kith/storage/sqlite_error.hpp"

namespace kith {

namespace {

namespace fs = std::filesystem;

int latest_version() { return Journal::latest_version(); }

// An SQL identifier, quoted.
std::string sql_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// SQLite 3.40's quick_check reports "NULL value in T.C" for a WITHOUT ROWID table whose
// primary key lists its columns in another order than the table (conversation_contact),
// though no such NULL exists; integrity_check does not. True when `line` is that report and
// the column holds no NULL.
bool false_null_report(SQLite::Database& db, const std::string& line) {
  const std::string prefix = "NULL value in ";
  if (line.rfind(prefix, 0) != 0) return false;
  std::string where = line.substr(prefix.size());
  auto dot = where.find('.');
  if (dot == std::string::npos) return false;
  std::string table = where.substr(0, dot);
  std::string column = where.substr(dot + 1);
  try {
    SQLite::Statement probe(db, "SELECT 1 FROM " + sql_identifier(table) + " WHERE " +
                                    sql_identifier(column) + " IS NULL LIMIT 1");
    return !probe.executeStep();
  } catch (const SQLite::Exception&) {
    return false;  // not a table and column after all: keep the report
  }
}

}  // namespace

JournalInspection inspect_journal(const fs::path& journal, bool full) {
  const std::string shown = journal.string();
  std::error_code ec;
  auto status = fs::status(journal, ec);
  if (!fs::exists(status)) {
    throw Error(ErrorKind::not_found,
                "no journal at " + shown + "; nothing to check (check --db or KITH_DB)");
  }
  if (fs::is_directory(status)) {
    throw Error(ErrorKind::corrupt, shown + " is a directory, not a kith journal");
  }
  JournalInspection found;
  if (!require_sqlite_header(journal, shown)) return found;  // an empty file: an empty journal
  std::unique_ptr<SQLite::Database> db;
  try {
    db = open_checked(journal);
    require_kith_application(*db, shown);
    found.schema_version = pragma_int(*db, "user_version");
  } catch (const SQLite::Exception& e) {
    if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
    found.integrity.push_back(e.getErrorStr());
    return found;
  }
  if (found.schema_version > latest_version()) {
    throw Error(ErrorKind::schema_too_new,
                "the journal " + shown + " was written by a newer kith (schema " +
                    std::to_string(found.schema_version) + ", this kith knows " +
                    std::to_string(latest_version()) + "); upgrade kith");
  }
  // Runs one stage of the inspection; damage met on the way is itself a finding.
  auto stage = [&](const std::function<void()>& work) {
    try {
      work();
    } catch (const SQLite::Exception& e) {
      if (!is_damage(e.getErrorCode())) throw translate_sqlite_error(e, shown);
      found.integrity.push_back(e.getErrorStr());
    }
  };
  // Every read below happens in one transaction: one consistent state, even under a writer.
  stage([&] { db->exec("BEGIN"); });
  stage([&] {
    SQLite::Statement check(*db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    while (check.executeStep()) {
      std::string line = check.getColumn(0).getString();
      if (line != "ok" && !false_null_report(*db, line)) found.integrity.push_back(line);
    }
  });
  if (!found.integrity.empty()) return found;  // kith's rules mean little on a damaged file

  struct Table {
    int since;
    const char* name;
  };
  static constexpr std::array<Table, 13> k_tables = {{{1, "contact"},
                                                      {1, "contact_email"},
                                                      {1, "contact_phone"},
                                                      {1, "contact_tag"},
                                                      {2, "conversation"},
                                                      {2, "conversation_contact"},
                                                      {2, "follow_up"},
                                                      {3, "event"},
                                                      {3, "event_tag"},
                                                      {3, "event_contact"},
                                                      {4, "tombstone"},
                                                      {5, "search_index"},
                                                      {5, "history"}}};
  stage([&] {
    SQLite::Statement exists(*db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    for (const auto& table : k_tables) {
      if (table.since > found.schema_version) continue;
      exists.reset();
      exists.bind(1, table.name);
      if (!exists.executeStep()) {
        found.schema_objects.push_back("table " + std::string(table.name) + " is missing (schema " +
                                       std::to_string(found.schema_version) + " has it)");
      }
    }
  });
  if (!found.schema_objects.empty() || found.schema_version == 0) return found;

  stage([&] {
    SQLite::Statement fk(*db, "PRAGMA foreign_key_check");
    while (fk.executeStep()) {
      found.foreign_keys.push_back(fk.getColumn(0).getString() + " " +
                                   std::to_string(fk.getColumn(1).getInt64()) +
                                   " refers to a missing " + fk.getColumn(2).getString());
    }
  });
  auto check_keys = [&](const char* table, const char* what) {
    SQLite::Statement rows(*db, std::string("SELECT id, name, name_key FROM ") + table);
    while (rows.executeStep()) {
      std::string name = rows.getColumn(1).getString();
      std::string key = rows.getColumn(2).getString();
      std::string expected = fold(name);
      if (key != expected) {
        found.name_keys.push_back(std::string(what) + " " +
                                  std::to_string(rows.getColumn(0).getInt64()) + " (" + name +
                                  ") has the name key '" + key + "', expected '" + expected + "'");
      }
    }
  };
  stage([&] { check_keys("contact", "contact"); });
  if (found.schema_version >= 3) stage([&] { check_keys("event", "event"); });
  if (found.schema_version >= 2) {
    stage([&] {
      SQLite::Statement rows(*db,
                             "SELECT id, status, closed_on FROM follow_up WHERE "
                             "(status = 'open') = (closed_on IS NOT NULL) ORDER BY id");
      while (rows.executeStep()) {
        std::string id = std::to_string(rows.getColumn(0).getInt64());
        std::string state = rows.getColumn(1).getString();
        found.follow_ups.push_back(
            state == "open" ? "follow-up " + id + " is open but has a closed date (" +
                                  rows.getColumn(2).getString() + ")"
                            : "follow-up " + id + " is " + state + " but has no closed date");
      }
    });
  }
  if (found.schema_version >= 4) {
    stage([&] {
      SQLite::Statement rows(*db,
                             "SELECT t.kind, t.uid FROM tombstone t WHERE "
                             "(t.kind = 'contact' AND t.uid IN (SELECT uid FROM contact)) OR "
                             "(t.kind = 'conversation' AND t.uid IN (SELECT uid FROM "
                             "conversation)) OR "
                             "(t.kind = 'follow_up' AND t.uid IN (SELECT uid FROM follow_up)) OR "
                             "(t.kind = 'event' AND t.uid IN (SELECT uid FROM event)) "
                             "ORDER BY t.kind, t.uid");
      while (rows.executeStep()) {
        std::string kind = rows.getColumn(0).getString();
        if (kind == "follow_up") kind = "follow-up";
        found.tombstones.push_back("the " + kind + " " + rows.getColumn(1).getString() +
                                   " is live but also marked deleted");
      }
    });
  }
  // Text that is not UTF-8 (stored by a kith older than the check on input): exports would
  // change it and other programs may refuse it.
  stage([&] {
    for (const auto& table : k_tables) {
      const std::string_view name = table.name;
      if (table.since > found.schema_version || name == "search_index" || name == "history") {
        continue;
      }
      // The first column (id, or the owner's id) names the row.
      SQLite::Statement rows(*db, "SELECT * FROM " + std::string(name));
      while (rows.executeStep()) {
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          if (!rows.getColumn(i).isText()) continue;
          const std::string text = rows.getColumn(i).getString();
          if (!invalid_utf8_at(text)) continue;
          found.invalid_text.push_back(std::string(name) + " " + rows.getColumn(0).getString() +
                                       " has " + rows.getColumnName(i) + " " +
                                       quote_for_message(text) + ", which is not valid UTF-8");
        }
      }
    }
  });
  stage([&] { db->exec("COMMIT"); });
  return found;
}

}  // namespace kith
