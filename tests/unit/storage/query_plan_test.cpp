// The query plans of the hot commands: `due` (the cron job), looking a person up (every
// command that takes a REF), `contact show` and `log`. Each test records the SQL the real
// service runs (sqlite3_trace_v2) and asks SQLite how it would run each statement (EXPLAIN
// QUERY PLAN), so a dropped or unusable index fails here rather than as a slow morning at
// a million contacts (bench/ measures that; this keeps it from regressing).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "../services/test_support.hpp"
#include "kith/services/brief_service.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/services/due_service.hpp"
#include "kith/services/follow_up_service.hpp"
#include "kith/services/report_service.hpp"
#include "kith/services/search_service.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {
namespace {

using test::moment_on;
using test::ymd;

// Records the text of every statement the connection runs while it lives.
class SqlRecorder {
 public:
  explicit SqlRecorder(Journal& journal) : m_db(journal.database().getHandle()) {
    sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &SqlRecorder::on_statement, this);
  }
  ~SqlRecorder() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
  SqlRecorder(const SqlRecorder&) = delete;
  SqlRecorder& operator=(const SqlRecorder&) = delete;

  // The queries and writes seen, without transaction control and pragmas.
  std::vector<std::string> statements() const { return {m_sql.begin(), m_sql.end()}; }

 private:
  static int on_statement(unsigned, void* self, void* stmt, void*) {
    // sqlite3_sql gives the statement as prepared, with its parameters unbound.
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
    if (sql == nullptr) return 0;
    std::string text = sql;
    // FTS5 reads and writes its shadow tables with its own SQL ('main'.'x_data'), and the
    // schema is read while preparing: neither is a query kith wrote.
    if (text.find("'main'.") != std::string::npos ||
        text.find("sqlite_schema") != std::string::npos) {
      return 0;
    }
    for (const char* word : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE"}) {
      if (text.starts_with(word)) {
        static_cast<SqlRecorder*>(self)->m_sql.insert(text);
        break;
      }
    }
    return 0;
  }

  sqlite3* m_db;
  std::set<std::string> m_sql;
};

// The lines of EXPLAIN QUERY PLAN for `sql`, e.g. "SEARCH f USING INDEX follow_up_open_by_due
// (due_on<?)".
std::vector<std::string> query_plan(Journal& journal, const std::string& sql) {
  SQLite::Statement stmt(journal.database(), "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> lines;
  while (stmt.executeStep()) lines.push_back(stmt.getColumn(3).getString());
  return lines;
}

// A plan line that reads a whole table or a whole ordinary index: "SCAN c", "SCAN c USING
// INDEX ...". Scanning a table-valued function (json_each), a subquery's result, a constant
// row, or a partial index that holds only the rows asked for (open follow-ups, contacts with
// a cadence) is not a full scan of the journal.
bool is_full_scan(const std::string& line) {
  if (!line.starts_with("SCAN ")) return false;
  for (const char* fine : {"VIRTUAL TABLE", "(subquery", "CONSTANT ROW", "json_each",
                           "follow_up_open_by_due", "contact_with_cadence"}) {
    if (line.find(fine) != std::string::npos) return false;
  }
  return true;
}

// The full scans in one statement's plan. "SCAN v" after "CO-ROUTINE v" (or "MATERIALIZE
// v") reads the rows a subquery named v produced, not a table, so it does not count.
std::vector<std::string> full_scans(const std::vector<std::string>& plan) {
  std::set<std::string> subqueries;
  for (const auto& line : plan) {
    for (std::string prefix : {"CO-ROUTINE ", "MATERIALIZE "}) {
      if (line.starts_with(prefix)) subqueries.insert(line.substr(prefix.size()));
    }
  }
  std::vector<std::string> scans;
  for (const auto& line : plan) {
    if (!is_full_scan(line)) continue;
    std::string name = line.substr(5, line.find(' ', 5) - 5);
    if (!subqueries.contains(name)) scans.push_back(line);
  }
  return scans;
}

// Succeeds when no statement run by `work` scans a whole table; else lists the offenders.
testing::AssertionResult runs_without_full_scans(Journal& journal,
                                                 const std::function<void()>& work) {
  std::vector<std::string> statements;
  {
    SqlRecorder recorder(journal);
    work();
    statements = recorder.statements();
  }
  if (statements.empty()) return testing::AssertionFailure() << "no SQL was recorded";
  std::string offenders;
  for (const auto& sql : statements) {
    for (const auto& line : full_scans(query_plan(journal, sql))) {
      offenders += "\n  " + line + "  <-  " + sql;
    }
  }
  if (!offenders.empty()) return testing::AssertionFailure() << "full scans:" << offenders;
  return testing::AssertionSuccess() << statements.size() << " statements, no full scan";
}

// Every plan line of every statement `work` runs, to look for a named index.
std::string all_plans(Journal& journal, const std::function<void()>& work) {
  std::vector<std::string> statements;
  {
    SqlRecorder recorder(journal);
    work();
    statements = recorder.statements();
  }
  std::string plans;
  for (const auto& sql : statements) {
    for (const auto& line : query_plan(journal, sql)) plans += line + "\n";
  }
  return plans;
}

class QueryPlanTest : public ::testing::Test {
 protected:
  // A small journal with the shape of a real one: people with e-mails and tags, a few on a
  // keep-in-touch tier, conversations, open and closed follow-ups. Without ANALYZE, as in a
  // user's journal, SQLite plans from the schema alone, so a few rows are enough.
  void SetUp() override {
    for (int i = 0; i < 40; ++i) {
      Contact c;
      c.name = "Person " + std::to_string(i);
      c.emails = {"person" + std::to_string(i) + "@example.com"};
      c.tags = {i % 10 == 0 ? "b" : "rust"};
      ContactService(journal, moment_on(ymd(2026, 1, 1))).add(c);
      log("person" + std::to_string(i) + "@example.com", ymd(2026, 3, 1));
      auto view = FollowUpService(journal, moment_on(ymd(2026, 1, 1)))
                      .add("person" + std::to_string(i) + "@example.com",
                           ymd(2026, 11, 20 + static_cast<unsigned>(i % 10)), "ping", std::nullopt);
      if (i % 2 == 0) FollowUpService(journal, moment_on(ymd(2026, 3, 2))).done(view.follow_up.id);
    }
  }

  void log(const std::string& ref, date::year_month_day on) {
    LogRequest r;
    r.refs = {ref};
    r.conversation.on = on;
    r.conversation.channel = Channel::coffee;
    r.conversation.summary = "talked about Rust";
    ConversationService(journal, moment_on(on), Settings{}).log(r);
  }

  Journal journal = Journal::in_memory();
};

TEST_F(QueryPlanTest, DueReadsOnlyOpenFollowUpsThroughTheirIndex) {
  auto due = [&] { DueService(journal, Settings{}).compute(ymd(2026, 11, 26), std::nullopt); };
  EXPECT_TRUE(runs_without_full_scans(journal, due));
  EXPECT_NE(all_plans(journal, due).find("follow_up_open_by_due"), std::string::npos)
      << all_plans(journal, due);
}

TEST_F(QueryPlanTest, DueWithinAWindowHasNoFullScan) {
  EXPECT_TRUE(runs_without_full_scans(journal, [&] {
    DueService(journal, Settings{}).compute(ymd(2026, 11, 26), Interval{2, Interval::Unit::week});
  }));
}

TEST_F(QueryPlanTest, LookingUpByEmailOrFullNameHasNoFullScan) {
  ContactService contacts(journal, moment_on(ymd(2026, 11, 26)));
  EXPECT_TRUE(runs_without_full_scans(journal, [&] { contacts.resolve("person7@example.com"); }));
  EXPECT_TRUE(runs_without_full_scans(journal, [&] { contacts.resolve("Person 7"); }));
  EXPECT_TRUE(runs_without_full_scans(journal, [&] { contacts.resolve("12"); }));
}

// An import of conversations without uids looks each one up: by day and summary, never by
// reading all of the person's conversations (quadratic for someone with thousands).
TEST_F(QueryPlanTest, FindingTheSameConversationUsesTheDayAndSummaryIndex) {
  Conversation same;
  same.on = ymd(2026, 3, 1);
  same.summary = "talked about Rust";
  same.contact_ids = {7};
  std::optional<std::int64_t> found;
  auto find = [&] { journal.read([&] { found = ConversationStore(journal).find_same(same); }); };
  EXPECT_TRUE(runs_without_full_scans(journal, find));
  EXPECT_NE(all_plans(journal, find).find("conversation_by_day_summary"), std::string::npos)
      << all_plans(journal, find);
  EXPECT_EQ(found, std::optional<std::int64_t>(7));
}

TEST_F(QueryPlanTest, ContactShowHasNoFullScan) {
  ContactService contacts(journal, moment_on(ymd(2026, 11, 26)));
  EXPECT_TRUE(runs_without_full_scans(journal, [&] { contacts.details("person7@example.com"); }));
}

TEST_F(QueryPlanTest, LogAndAddHaveNoFullScan) {
  EXPECT_TRUE(
      runs_without_full_scans(journal, [&] { log("person3@example.com", ymd(2026, 11, 26)); }));
  EXPECT_TRUE(runs_without_full_scans(journal, [&] {
    Contact c;
    c.name = "Ada Lovelace";
    c.emails = {"ada@example.com"};
    c.tags = {"rust"};
    ContactService(journal, moment_on(ymd(2026, 11, 26))).add(c);
  }));
}

TEST_F(QueryPlanTest, SearchAndWhoGoThroughTheFullTextIndex) {
  EXPECT_TRUE(runs_without_full_scans(journal, [&] {
    SearchRequest r;
    r.query = "rust";
    r.tag = "b";
    r.since = ymd(2026, 1, 1);
    SearchService(journal).search(r);
  }));
  EXPECT_TRUE(
      runs_without_full_scans(journal, [&] { SearchService(journal).who_at("Stripe", false); }));
}

TEST_F(QueryPlanTest, BriefHasNoFullScan) {
  EXPECT_TRUE(runs_without_full_scans(
      journal, [&] { BriefService(journal, Settings{}).brief("person7@example.com"); }));
}

TEST_F(QueryPlanTest, ReportReadsOnlyThePeriodsDays) {
  auto report = [&] {
    Settings settings;
    settings.weekly_goals["conversations"] = 2;
    ReportService(journal, settings)
        .compute(ymd(2026, 11, 26), week_period(ymd(2026, 11, 26), date::Monday, true));
  };
  EXPECT_TRUE(runs_without_full_scans(journal, report));
  const std::string plans = all_plans(journal, report);
  for (const char* index :
       {"conversation_by_day", "contact_by_added_on", "follow_up_closed_by_day"}) {
    EXPECT_NE(plans.find(index), std::string::npos) << index << " unused:\n" << plans;
  }
}

// The check itself: a plan that reads a whole table is caught, an indexed search is not.
TEST(QueryPlanCheck, TellsAFullScanFromAnIndexedSearch) {
  EXPECT_TRUE(is_full_scan("SCAN contact"));
  EXPECT_TRUE(is_full_scan("SCAN f USING INDEX follow_up_by_contact"));
  EXPECT_FALSE(is_full_scan("SEARCH f USING INDEX follow_up_open_by_due (due_on<?)"));
  EXPECT_FALSE(is_full_scan("SCAN json_each VIRTUAL TABLE INDEX 1:"));
  EXPECT_TRUE(
      full_scans({"CO-ROUTINE v", "SEARCH cc USING PRIMARY KEY (contact_id=?)", "SCAN v"}).empty());
  EXPECT_EQ(full_scans({"CO-ROUTINE v", "SCAN c"}), std::vector<std::string>{"SCAN c"});
  Journal journal = Journal::in_memory();
  EXPECT_FALSE(runs_without_full_scans(journal, [&] {
    journal.database().exec("SELECT count(*) FROM follow_up WHERE note = 'x'");
  }));
}

}  // namespace
}  // namespace kith
