// ImportService: all or nothing, idempotent, matching in the documented order, and JSON Lines
// that carry a whole journal (with its deletions) from one machine to another.
#include "kith/services/import_service.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "kith/services/contact_service.hpp"
#include "kith/services/demo_journal.hpp"
#include "kith/services/export_service.hpp"
#include "kith/storage/tombstone_store.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::moment_on;
using test::ymd;
using Action = ImportOutcome::Action;

// A reader that serves records built by the test.
class FakeSource : public ContactSource {
 public:
  explicit FakeSource(std::vector<ContactRecord> records) : m_records(std::move(records)) {}
  bool next(ContactRecord& record) override {
    if (m_next == m_records.size()) return false;
    record = m_records[m_next++];
    return true;
  }
  std::vector<std::string> notices() const override { return {"ignored columns: Fax"}; }

 private:
  std::vector<ContactRecord> m_records;
  std::size_t m_next = 0;
};

ContactRecord person(int line, const std::string& name, const std::string& email = "",
                     const std::string& company = "") {
  ContactRecord r;
  r.line = line;
  r.contact.name = name;
  if (!email.empty()) r.contact.emails = {email};
  r.contact.company = company;
  return r;
}

class ImportServiceTest : public ::testing::Test {
 protected:
  ImportTotals import(std::vector<ContactRecord> records, ImportOptions options = {}) {
    if (options.file_name.empty()) options.file_name = "people.csv";
    FakeSource source(std::move(records));
    m_outcomes.clear();
    ImportService service(m_journal, moment_on(ymd(2026, 11, 26)), options,
                          [this](const ImportOutcome& o) { m_outcomes.push_back(o); });
    return service.import_contacts(source);
  }

  ImportTotals import_jsonl(Journal& journal, const std::string& text,
                            OnConflict on_conflict = OnConflict::update) {
    std::istringstream in(text);
    ImportService service(journal, moment_on(ymd(2026, 11, 26)),
                          {"kith.jsonl", false, on_conflict, {}});
    return service.import_jsonl(in);
  }

  static std::string export_jsonl(Journal& journal) {
    std::ostringstream out;
    ExportService(journal).write(out, {});
    return out.str();
  }

  Contact contact(std::int64_t id) { return *ContactStore(m_journal).get(id); }

  Journal m_journal = Journal::in_memory();
  std::vector<ImportOutcome> m_outcomes;
};

TEST_F(ImportServiceTest, AddsNewPeopleAndReportsEachRecord) {
  auto totals = import(
      {person(2, "Ada Lovelace", "ADA@Example.com", "Analytical"), person(3, "  Grace   Hopper ")});
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 2);
  EXPECT_EQ(totals.notices, std::vector<std::string>{"ignored columns: Fax"});
  ASSERT_EQ(m_outcomes.size(), 2u);
  EXPECT_EQ(m_outcomes[1].line, 3);
  EXPECT_EQ(m_outcomes[1].label, "Grace Hopper");
  Contact ada = contact(1);
  EXPECT_EQ(ada.emails, std::vector<std::string>{"ADA@example.com"});
  EXPECT_EQ(ada.added_on, ymd(2026, 11, 26));
  EXPECT_EQ(ada.created_at, "2026-11-26T08:00:00Z");
}

TEST_F(ImportServiceTest, ImportingTheSameRecordsTwiceChangesNothing) {
  auto records = std::vector{person(2, "Ada Lovelace", "ada@example.com"), person(3, "Grace")};
  import(records);
  std::string before = export_jsonl(m_journal);
  auto totals = import(records);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::unchanged), 2);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 0);
  EXPECT_EQ(export_jsonl(m_journal), before);
  EXPECT_EQ(m_outcomes[0].detail, "matched by email ada@example.com");
  EXPECT_EQ(m_outcomes[1].detail, "matched by name");
}

TEST_F(ImportServiceTest, MatchesByUidThenEmailThenUrlThenNameAndCompany) {
  import({person(2, "Ada", "ada@example.com"), person(3, "Bob", "", "Acme")});
  ContactRecord by_url = person(4, "Carol");
  by_url.contact.url = "https://linkedin.com/in/carol";
  import({by_url});
  ContactRecord with_uid = person(2, "Someone Else");
  with_uid.contact.uid = contact(1).uid;
  ContactRecord url_again = person(3, "Carol C.");
  url_again.contact.url = "http://www.linkedin.com/in/carol/";
  import({with_uid, person(4, "Ada L.", "ada@example.com"), url_again, person(5, "bob", "", "ACME"),
          person(6, "Bob", "", "Other")});
  std::vector<std::string> details;
  for (const auto& o : m_outcomes) details.push_back(o.detail);
  EXPECT_EQ(details, (std::vector<std::string>{"matched by uid", "matched by email ada@example.com",
                                               "matched by profile URL",
                                               "matched by name and company", ""}));
  EXPECT_EQ(count_rows(m_journal, "contact"), 4);
}

TEST_F(ImportServiceTest, AMatchFillsGapsUpdatesTheJobAndKeepsWhatTheUserWrote) {
  ContactService(m_journal, moment_on(ymd(2026, 1, 5))).add([] {
    Contact c;
    c.name = "Ada Lovelace";
    c.emails = {"ada@example.com"};
    c.note = "met at RustConf";
    c.title = "Engineer";
    return c;
  }());
  ContactRecord r = person(2, "Ada King", "ada@example.com", "Stripe, Inc.");
  r.contact.title = "Staff Engineer";
  r.contact.note = "from LinkedIn";
  r.contact.emails.push_back("ada@work.example");
  r.contact.tags = {"Rust"};
  r.connected_on = ymd(2024, 3, 12);
  auto totals = import({r}, {"Connections.csv", false, OnConflict::update, {"linkedin"}});
  EXPECT_EQ(totals.count(RecordKind::contact, Action::updated), 1);
  Contact ada = contact(1);
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.company, "Stripe, Inc.");
  EXPECT_EQ(ada.title, "Staff Engineer");
  EXPECT_EQ(ada.note, "met at RustConf");
  EXPECT_EQ(ada.emails, (std::vector<std::string>{"ada@example.com", "ada@work.example"}));
  EXPECT_EQ(ada.tags, (std::vector<std::string>{"linkedin", "rust"}));
  EXPECT_EQ(ada.added_on, ymd(2024, 3, 12));
  EXPECT_EQ(ada.updated_at, "2026-11-26T08:00:00Z");
}

TEST_F(ImportServiceTest, OnConflictSkipLeavesMatchesAloneAndFailRefusesTheWholeFile) {
  import({person(2, "Ada", "ada@example.com")});
  ContactRecord changed = person(2, "Ada", "ada@example.com", "NewCo");
  auto totals = import({changed, person(3, "Grace")}, {"f.csv", false, OnConflict::skip, {}});
  EXPECT_EQ(totals.count(RecordKind::contact, Action::skipped), 1);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 1);
  EXPECT_EQ(contact(1).company, "");
  try {
    import({person(2, "Hedy"), changed}, {"f.csv", false, OnConflict::fail, {}});
    FAIL() << "expected ImportFailed";
  } catch (const ImportFailed& e) {
    EXPECT_EQ(e.problems(), std::vector<std::string>{
                                "f.csv:2: 'Ada' is already in the journal as Ada (#1), matched "
                                "by email ada@example.com; use --on-conflict update or skip"});
  }
  EXPECT_EQ(count_rows(m_journal, "contact"), 2);
}

TEST_F(ImportServiceTest, OneBadRecordAmongGoodOnesImportsNothingAndNamesEveryProblem) {
  ContactRecord unreadable = person(4, "");
  unreadable.error = "BDAY '1985-13-01' is not a date";
  try {
    import({person(2, "Ada", "ada@example.com"), person(3, "Bob", "not-an-email"), unreadable,
            person(5, "Cy", "ada@example.com")});
    FAIL() << "expected ImportFailed";
  } catch (const ImportFailed& e) {
    EXPECT_EQ(e.total(), 2);
    EXPECT_EQ(e.problems(), (std::vector<std::string>{
                                "people.csv:3: 'not-an-email' is not an email address (expected "
                                "name@example.com)",
                                "people.csv:4: BDAY '1985-13-01' is not a date"}));
    EXPECT_STREQ(e.what(),
                 "nothing was imported: 2 problems in people.csv; --skip-invalid imports the rest");
  }
  EXPECT_EQ(count_rows(m_journal, "contact"), 0);
}

TEST_F(ImportServiceTest, SkipInvalidImportsTheValidRecordsAndFieldsAndListsEverySkip) {
  ContactRecord unreadable = person(4, "");
  unreadable.error = "expected NAME:VALUE";
  ContactRecord with_bad_field = person(6, "Dee", "dee@example.com");
  with_bad_field.issues = {{8, "TEL 'n/a' is not a phone number", true},
                           {9, "BDAY 'circa 1900' is text, not a date; kept in the note", false}};
  const std::vector<ContactRecord> records = {person(2, "Ada", "ada@example.com"),
                                              person(3, "Bob", "not-an-email"), unreadable,
                                              person(5, "Cy", "ada@example.com"), with_bad_field};
  ImportOptions options;
  options.skip_invalid = true;
  ImportTotals totals = import(records, options);
  EXPECT_EQ(totals.skipped, (std::vector<std::string>{
                                "people.csv:3: 'not-an-email' is not an email address (expected "
                                "name@example.com)",
                                "people.csv:4: expected NAME:VALUE",
                                "people.csv:8: TEL 'n/a' is not a phone number"}));
  EXPECT_EQ(totals.warnings, (std::vector<std::string>{"people.csv:9: BDAY 'circa 1900' is text, "
                                                       "not a date; kept in the note"}));
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 2);  // Ada and Dee
  EXPECT_EQ(totals.count(RecordKind::contact, Action::updated), 0);
  EXPECT_EQ(count_rows(m_journal, "contact"), 2);
  // Again: the same skips, and nothing changes.
  totals = import(records, options);
  EXPECT_EQ(totals.skipped.size(), 3u);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::unchanged), 3);  // Ada, Cy as Ada, Dee
  EXPECT_EQ(count_rows(m_journal, "contact"), 2);
}

TEST_F(ImportServiceTest, ProblemsBeyondTheCapAreCounted) {
  std::vector<ContactRecord> records;
  for (int i = 0; i < 25; ++i) records.push_back(person(i + 2, "P" + std::to_string(i), "bad"));
  try {
    import(records);
    FAIL() << "expected ImportFailed";
  } catch (const ImportFailed& e) {
    EXPECT_EQ(e.total(), 25);
    EXPECT_EQ(e.problems().size(), 20u);
    EXPECT_STREQ(e.what(),
                 "nothing was imported: 25 problems in people.csv (the first 20 are listed); "
                 "--skip-invalid imports the rest");
  }
}

TEST_F(ImportServiceTest, ADryRunReportsEverythingAndWritesNothing) {
  import({person(2, "Ada", "ada@example.com")});
  auto totals = import({person(2, "Ada", "ada@example.com", "Acme"), person(3, "Bob")},
                       {"f.csv", true, OnConflict::update, {}});
  EXPECT_EQ(totals.count(RecordKind::contact, Action::updated), 1);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 1);
  EXPECT_EQ(m_outcomes.size(), 2u);
  EXPECT_EQ(count_rows(m_journal, "contact"), 1);
  EXPECT_EQ(contact(1).company, "");
}

TEST_F(ImportServiceTest, SkippedRowsAreReportedNotImported) {
  ContactRecord nameless = person(3, "");
  nameless.skipped = "no name";
  auto totals = import({person(2, "Ada"), nameless});
  EXPECT_EQ(totals.count(RecordKind::contact, Action::skipped), 1);
  EXPECT_EQ(m_outcomes[1].detail, "no name");
  EXPECT_EQ(count_rows(m_journal, "contact"), 1);
}

TEST_F(ImportServiceTest, AnEmailOfAnotherContactIsAProblem) {
  import({person(2, "Ada", "ada@example.com"), person(3, "Bob", "bob@example.com")});
  ContactRecord both = person(2, "Ada", "ada@example.com");
  both.contact.emails.push_back("bob@example.com");
  EXPECT_THROW(import({both}), ImportFailed);
}

TEST_F(ImportServiceTest, IntroducersAreFoundEvenLaterInTheFile) {
  ContactRecord grace = person(2, "Grace", "grace@example.com");
  grace.introduced_by = "ada@example.com";
  import({grace, person(3, "Ada", "ada@example.com")});
  EXPECT_EQ(contact(1).introduced_by, std::optional<std::int64_t>(2));
  ContactRecord lost = person(4, "Hedy");
  lost.introduced_by = "nobody@example.com";
  EXPECT_THROW(import({lost}), ImportFailed);
}

TEST_F(ImportServiceTest, JsonlRecordsOfEveryKindFromAScript) {
  auto totals = import_jsonl(m_journal, R"({"type":"contact","name":"Ada","email":"ada@example.com"}
{"type":"event","name":"RustConf","starts_on":"2026-09-10","people":["ada"]}

{"type":"conversation","with":["ada@example.com"],"on":"2026-11-20","channel":"coffee","summary":"Rust jobs","event":"RustConf"}
{"type":"follow_up","contact":"Ada","due_on":"2026-12-01","note":"send the link"}
)");
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added), 1);
  EXPECT_EQ(totals.count(RecordKind::event, Action::added), 1);
  EXPECT_EQ(totals.count(RecordKind::conversation, Action::added), 1);
  EXPECT_EQ(totals.count(RecordKind::follow_up, Action::added), 1);
  EXPECT_EQ(count_rows(m_journal, "event_contact"), 1);
  // The same script run again adds nothing.
  std::string before = export_jsonl(m_journal);
  totals = import_jsonl(m_journal, R"({"type":"contact","name":"Ada","email":"ada@example.com"}
{"type":"conversation","with":["ada@example.com"],"on":"2026-11-20","channel":"coffee","summary":"Rust jobs","event":"RustConf"}
{"type":"follow_up","contact":"Ada","due_on":"2026-12-01","note":"send the link"}
{"type":"event","name":"RustConf","starts_on":"2026-09-10","people":["ada"]}
)");
  EXPECT_EQ(totals.count(RecordKind::conversation, Action::unchanged), 1);
  EXPECT_EQ(totals.count(RecordKind::follow_up, Action::unchanged), 1);
  EXPECT_EQ(totals.count(RecordKind::event, Action::unchanged), 1);
  EXPECT_EQ(export_jsonl(m_journal), before);
}

TEST_F(ImportServiceTest, JsonlProblemsNameTheLineAndChangeNothing) {
  try {
    import_jsonl(m_journal, R"({"type":"contact","name":"Ada"}
{"type":"contact","name":"Bob","emial":"bob@example.com"}
not json
{"type":"conversation","with":["nobody"],"on":"2026-11-20","summary":"x"}
{"type":"follow_up","contact":"Ada","due_on":"2026-02-30"}
{"type":"meeting"}
)");
    FAIL() << "expected ImportFailed";
  } catch (const ImportFailed& e) {
    ASSERT_EQ(e.total(), 5);
    EXPECT_EQ(e.problems()[0], "kith.jsonl:2: unknown key \"emial\" in a contact record");
    EXPECT_EQ(e.problems()[1].substr(0, 27), "kith.jsonl:3: not valid JSO");
    EXPECT_EQ(e.problems()[2],
              "kith.jsonl:4: no contact matches 'nobody' (give a uid, an email or a name)");
    EXPECT_EQ(e.problems()[3],
              "kith.jsonl:5: \"due_on\" must be a date, YYYY-MM-DD (not '2026-02-30')");
    EXPECT_EQ(e.problems()[4],
              "kith.jsonl:6: unknown type \"meeting\" (contact, conversation, follow_up, event "
              "or deleted)");
  }
  EXPECT_EQ(count_rows(m_journal, "contact"), 0);
}

TEST_F(ImportServiceTest, AnExportImportedIntoAnEmptyJournalExportsTheSameBytes) {
  fill_demo_journal(m_journal, moment_on(ymd(2026, 11, 26)), Settings{});
  ContactService(m_journal, moment_on(ymd(2026, 11, 26))).remove(3);
  std::string first = export_jsonl(m_journal);
  ASSERT_NE(first.find("\"type\":\"deleted\""), std::string::npos);
  Journal other = Journal::in_memory();
  import_jsonl(other, first);
  EXPECT_EQ(export_jsonl(other), first);
  // And importing it again into either journal changes nothing.
  auto totals = import_jsonl(other, first);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::added) +
                totals.count(RecordKind::contact, Action::updated),
            0);
  EXPECT_EQ(export_jsonl(other), first);
}

TEST_F(ImportServiceTest, TwoMachinesTheNewerCopyWinsAndDeletionsTravel) {
  Journal laptop = Journal::in_memory();
  ContactService(laptop, moment_on(ymd(2026, 11, 1))).add([] {
    Contact c;
    c.name = "Ada";
    c.company = "Old";
    return c;
  }());
  ContactService(laptop, moment_on(ymd(2026, 11, 1))).add([] {
    Contact c;
    c.name = "Bob";
    return c;
  }());
  import_jsonl(m_journal, export_jsonl(laptop));  // the desktop now has both
  ContactService(laptop, moment_on(ymd(2026, 11, 20))).edit("Ada", [] {
    ContactChanges ch;
    ch.company = "New";
    return ch;
  }());
  ContactService(laptop, moment_on(ymd(2026, 11, 20))).remove(2);
  auto totals = import_jsonl(m_journal, export_jsonl(laptop));
  EXPECT_EQ(totals.count(RecordKind::contact, Action::updated), 1);
  EXPECT_EQ(totals.count(RecordKind::contact, Action::deleted), 1);
  EXPECT_EQ(contact(1).company, "New");
  EXPECT_EQ(count_rows(m_journal, "contact"), 1);
  // An older copy does not overwrite a newer one, and a deleted contact does not come back.
  ContactService(m_journal, moment_on(ymd(2026, 11, 25))).edit("Ada", [] {
    ContactChanges ch;
    ch.title = "CTO";
    return ch;
  }());
  Journal stale = Journal::in_memory();
  import_jsonl(stale, export_jsonl(laptop));
  totals = import_jsonl(m_journal, export_jsonl(stale));
  EXPECT_EQ(totals.count(RecordKind::contact, Action::unchanged), 2);  // Ada, and Bob's tombstone
  EXPECT_EQ(contact(1).title, "CTO");
  EXPECT_EQ(count_rows(m_journal, "contact"), 1);
}

}  // namespace
}  // namespace kith
