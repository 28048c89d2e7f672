#include "kith/storage/report_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kith/storage/sql.hpp"

namespace kith {

namespace {

void bind_span(SQLite::Statement& stmt, date::year_month_day from, date::year_month_day to) {
  sql::bind_date(stmt, 1, from);
  sql::bind_date(stmt, 2, to);
}

std::vector<ReportFollowUp> read_follow_ups(SQLite::Statement& stmt) {
  std::vector<ReportFollowUp> out;
  while (stmt.executeStep()) {
    ReportFollowUp f;
    f.id = stmt.getColumn(0).getInt64();
    f.contact = {stmt.getColumn(1).getInt64(), stmt.getColumn(2).getString()};
    f.due_on = sql::day(stmt, 3);
    f.closed_on = sql::optional_date(stmt, 4);
    f.note = sql::text(stmt, 5);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Activity ReportStore::activity(date::year_month_day from, date::year_month_day to) {
  Activity a;
  SQLite::Statement added(m_journal.database(),
                          "SELECT count(*) FROM contact WHERE added_on BETWEEN ? AND ?");
  bind_span(added, from, to);
  if (added.executeStep()) a.new_contacts = added.getColumn(0).getInt();
  SQLite::Statement talks(m_journal.database(),
                          "SELECT channel, count(*) FROM conversation "
                          "WHERE happened_on BETWEEN ? AND ? GROUP BY channel");
  bind_span(talks, from, to);
  while (talks.executeStep()) {
    auto channel = parse_channel(talks.getColumn(0).getString());
    int n = talks.getColumn(1).getInt();
    if (channel) a.by_channel[*channel] += n;
    a.conversations += n;
  }
  return a;
}

int ReportStore::people_spoken_to(date::year_month_day from, date::year_month_day to) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT count(DISTINCT cc.contact_id) FROM conversation v "
                         "JOIN conversation_contact cc ON cc.conversation_id = v.id "
                         "WHERE v.happened_on BETWEEN ? AND ?");
  bind_span(stmt, from, to);
  return stmt.executeStep() ? stmt.getColumn(0).getInt() : 0;
}

std::vector<NewContact> ReportStore::new_contacts(date::year_month_day from,
                                                  date::year_month_day to) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id, name, added_on FROM contact WHERE added_on BETWEEN ? AND ? "
                         "ORDER BY added_on, name_key, id");
  bind_span(stmt, from, to);
  std::vector<NewContact> out;
  while (stmt.executeStep()) {
    out.push_back(
        {{stmt.getColumn(0).getInt64(), stmt.getColumn(1).getString()}, sql::day(stmt, 2)});
  }
  return out;
}

std::vector<ReportFollowUp> ReportStore::done(date::year_month_day from, date::year_month_day to) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT f.id, f.contact_id, c.name, f.due_on, f.closed_on, f.note "
                         "FROM follow_up f JOIN contact c ON c.id = f.contact_id "
                         "WHERE f.closed_on IS NOT NULL AND f.closed_on BETWEEN ? AND ? "
                         "AND f.status = 'done' ORDER BY f.closed_on, f.id");
  bind_span(stmt, from, to);
  return read_follow_ups(stmt);
}

std::vector<ReportFollowUp> ReportStore::overdue(date::year_month_day today) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT f.id, f.contact_id, c.name, f.due_on, f.closed_on, f.note "
                         "FROM follow_up f JOIN contact c ON c.id = f.contact_id "
                         "WHERE f.status = 'open' AND f.due_on < ? AND c.archived = 0 "
                         "ORDER BY f.due_on, f.id");
  sql::bind_date(stmt, 1, today);
  return read_follow_ups(stmt);
}

std::vector<std::int64_t> ReportStore::attended(date::year_month_day from,
                                                date::year_month_day to) {
  SQLite::Statement stmt(m_journal.database(),
                         "SELECT id FROM event WHERE starts_on BETWEEN ? AND ? "
                         "AND status = 'attended' ORDER BY starts_on, starts_at, id");
  bind_span(stmt, from, to);
  std::vector<std::int64_t> out;
  while (stmt.executeStep()) out.push_back(stmt.getColumn(0).getInt64());
  return out;
}

}  // namespace kith
