// kith-floor: the least a program can do to answer each benchmarked command, so the runner
// can print kith's time next to SQLite's floor measured in the same run. It opens the journal
// with SQLiteCpp as kith does (WAL, synchronous=NORMAL, foreign keys, busy timeout), runs the
// one statement (or, for writes, the one IMMEDIATE transaction) the command needs, prints the
// rows, and exits. It has no migrations check, no argument parser and no rendering.
//
//   kith-floor DB add NAME EMAIL        INSERT a contact and its e-mail in one transaction
//   kith-floor DB log EMAIL SUMMARY     INSERT a conversation with that contact
//   kith-floor DB due YYYY-MM-DD        the open follow-ups due by that day, with names
//   kith-floor DB show EMAIL            one contact with its e-mails, phones and tags
//   kith-floor DB find FRAGMENT         contacts whose folded name contains FRAGMENT
//   kith-floor DB exec -                runs the SQL script on stdin (bench/tile.sh), with
//                                       kith's tokenizer, which the sqlite3 shell lacks
//   kith-floor DB search WORDS          the best 21 of an FTS5 MATCH, ranked (ORDER BY rank)
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "kith/storage/search_index.hpp"

namespace {

// Prints every column of every row, tab-separated, as a stand-in for kith's rendering.
void print_rows(SQLite::Statement& stmt) {
  while (stmt.executeStep()) {
    for (int c = 0; c < stmt.getColumnCount(); ++c) {
      std::fputs(stmt.getColumn(c).getText(), stdout);
      std::fputc(c + 1 < stmt.getColumnCount() ? '\t' : '\n', stdout);
    }
  }
}

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string uid_from(std::string_view seed) {
  // Not random: the floor only needs a unique value of the same shape as kith's uids.
  std::size_t h = std::hash<std::string_view>{}(seed);
  char buf[40];
  std::snprintf(buf, sizeof buf, "f1000000-0000-4000-8000-%012llx",
                static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFULL));
  return buf;
}

void add(SQLite::Database& db, const std::string& name, const std::string& email) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::string now = now_utc();
  SQLite::Statement contact(db,
                            "INSERT INTO contact (uid, name, name_key, added_on, created_at, "
                            "updated_at) VALUES (?1, ?2, lower(?2), ?3, ?4, ?4)");
  contact.bind(1, uid_from(email));
  contact.bind(2, name);
  contact.bind(3, now.substr(0, 10));
  contact.bind(4, now);
  contact.exec();
  SQLite::Statement mail(db, "INSERT INTO contact_email VALUES (last_insert_rowid(), 0, ?)");
  mail.bind(1, email);
  mail.exec();
  tx.commit();
}

void log(SQLite::Database& db, const std::string& email, const std::string& summary) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::string now = now_utc();
  SQLite::Statement conversation(db,
                                 "INSERT INTO conversation (uid, happened_on, channel, direction, "
                                 "summary, created_at, updated_at) VALUES (?1, ?2, 'other', "
                                 "'out', ?3, ?4, ?4)");
  conversation.bind(1, uid_from(summary + now));
  conversation.bind(2, now.substr(0, 10));
  conversation.bind(3, summary);
  conversation.bind(4, now);
  conversation.exec();
  SQLite::Statement link(db,
                         "INSERT INTO conversation_contact SELECT last_insert_rowid(), "
                         "contact_id FROM contact_email WHERE email = ?");
  link.bind(1, email);
  link.exec();
  tx.commit();
}

void query(SQLite::Database& db, const char* sql, const std::string& arg) {
  SQLite::Statement stmt(db, sql);
  stmt.bind(1, arg);
  print_rows(stmt);
}

// The first FTS5 table in the journal, if the journal has a full-text index.
std::string fts_table(SQLite::Database& db) {
  SQLite::Statement stmt(db,
                         "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE "
                         "'%USING fts5%' ORDER BY name LIMIT 1");
  return stmt.executeStep() ? stmt.getColumn(0).getString() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fputs("usage: kith-floor DB add|log|due|show|find|search|exec ARGS...\n", stderr);
    return 64;
  }
  const std::string command = argv[2], arg = argv[3], arg2 = argc > 4 ? argv[4] : "";
  bool writes = command == "add" || command == "log" || command == "exec";
  SQLite::Database db(argv[1], writes ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY, 5000);
  // The journal's full-text index uses kith's tokenizer: without it SQLite cannot search the
  // index, nor write a contact or conversation (the triggers index them). Registering it is
  // part of the floor, as keeping the index is part of the work.
  kith::register_search_tokenizer(db.getHandle());
  db.exec("PRAGMA foreign_keys = ON");
  if (writes) db.exec("PRAGMA synchronous = NORMAL");

  if (command == "exec") {
    std::string script((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
    db.exec(script);
  } else if (command == "add") {
    add(db, arg, arg2);
  } else if (command == "log") {
    log(db, arg, arg2);
  } else if (command == "due") {
    query(db,
          "SELECT f.id, f.due_on, f.note, c.name FROM follow_up f JOIN contact c ON c.id = "
          "f.contact_id WHERE f.status = 'open' AND f.due_on <= ? AND c.archived = 0 "
          "ORDER BY f.due_on, f.id",
          arg);
  } else if (command == "show") {
    query(db,
          "SELECT c.*, (SELECT group_concat(email) FROM contact_email WHERE contact_id = c.id), "
          "(SELECT group_concat(phone) FROM contact_phone WHERE contact_id = c.id), "
          "(SELECT group_concat(tag) FROM contact_tag WHERE contact_id = c.id) FROM "
          "contact_email e JOIN contact c ON c.id = e.contact_id WHERE e.email = ?",
          arg);
  } else if (command == "find") {
    query(db, "SELECT id, name FROM contact WHERE instr(name_key, ?) > 0 LIMIT 2", arg);
  } else if (command == "search") {
    std::string table = fts_table(db);
    if (table.empty()) {
      std::fputs("kith-floor: the journal has no FTS5 table\n", stderr);
      return 66;
    }
    // The table name comes from sqlite_schema, not from the user; quote it all the same.
    // kith ranks its results (bm25) and shows the best 20; so does the floor.
    query(db,
          ("SELECT rowid FROM \"" + table + "\" WHERE \"" + table +
           "\" MATCH ? ORDER BY rank LIMIT 21")
              .c_str(),
          arg);
  } else {
    std::fputs("kith-floor: unknown case\n", stderr);
    return 64;
  }
  return 0;
}
