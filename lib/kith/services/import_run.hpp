// The work of one import, record by record, inside its transaction: normalising, matching
// each record to the journal, writing, and keeping the report and the list of problems.
// ImportService drives it from a reader; nothing else uses it. import_run_records.cpp holds
// the JSON Lines records other than contacts.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "kith/formats/jsonl.hpp"
#include "kith/services/import_service.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "kith/storage/tombstone_store.hpp"

namespace kith {

// A contact as read from a file, before it meets the journal.
struct ImportedContact {
  int line = 0;
  Contact contact;
  std::string introduced_by;  // a reference, resolved against the journal
  std::optional<date::year_month_day> connected_on;
  bool authoritative = false;  // a journal's copy with uid and updated_at (from an export)
  bool has_added_on = false;
};

class ImportRun {
 public:
  ImportRun(Journal& journal, const Moment& moment, const ImportOptions& options,
            const std::function<void(const ImportOutcome&)>& observer);

  void contact(ImportedContact in);
  // A contact from a file reader, with what the reader said about its fields.
  void contact(ContactRecord record);
  // Any JSON Lines record.
  void record(int line, JsonlRecord record);
  // Work left for the end: introductions naming people later in the file.
  void finish();

  // A record or field that is invalid: with skip_invalid it is listed as skipped (the caller
  // leaves it out), else the import will refuse the file.
  void problem(int line, const std::string& message);
  // A value kept in another form or dropped; the import goes on.
  void warning(int line, const std::string& message);
  // Names the file the next records come from, for a source that reads several.
  void use_file(const std::string& file) { m_file = file; }
  void notice(const std::string& message) { m_totals.notices.push_back(message); }
  void report(const ImportOutcome& outcome);

  int problem_count() const { return m_problem_count; }
  const std::vector<std::string>& problems() const { return m_problems; }
  const ImportTotals& totals() const { return m_totals; }

 private:
  struct PendingIntroduction {
    int line = 0;
    std::int64_t contact_id = 0;
    std::string ref;
    std::string file;
  };

  // "FILE:LINE: message" for the file being read.
  std::string at(int line, const std::string& message) const;
  // Runs the handling of one record. An Error about the data becomes a problem of `line`;
  // with skip_invalid, what the record wrote before it is undone (a savepoint), and an
  // error that is not about the data (I/O, Ctrl-C) still stops the import.
  void guarded(int line, const std::function<void()>& work);
  void add_contact(ImportedContact& in);
  std::optional<std::int64_t> match_contact(const Contact& c, std::string& how);
  // Applies --on-conflict skip or fail to a record that matched; true when it is handled.
  bool conflict(int line, RecordKind kind, const std::string& label);
  bool unique_owner(const Contact& c, std::int64_t self, int line);
  std::optional<std::int64_t> find_contact(const std::string& ref);
  std::int64_t contact_ref(const std::string& ref);
  std::optional<std::int64_t> event_ref(const std::string& ref);
  // True when the uid was deleted here and the incoming copy is not newer than that.
  bool buried(const std::string& uid, const std::string& updated_at, bool authoritative,
              RecordKind kind, int line, const std::string& label);
  void stamp(std::string& created_at, std::string& updated_at) const;

  // One JSON Lines record of each kind, as record() hands them on.
  void merge(int line, JsonlContact& r);
  void merge(int line, JsonlConversation& r);
  void merge(int line, JsonlFollowUp& r);
  void merge(int line, JsonlEvent& r);
  void merge(int line, const Tombstone& t);

  Journal& m_journal;
  const Moment& m_moment;
  const ImportOptions& m_options;
  const std::function<void(const ImportOutcome&)>& m_observer;
  ContactStore m_contacts;
  ConversationStore m_conversations;
  FollowUpStore m_follow_ups;
  EventStore m_events;
  TombstoneStore m_tombstones;
  ImportTotals m_totals;
  std::vector<std::string> m_problems;
  int m_problem_count = 0;
  std::string m_file;  // the file being read, when not the one in the options
  std::vector<PendingIntroduction> m_pending;
  // Contacts an earlier record of this import added or matched: a later record about the same
  // person only fills gaps, so two rows of one file (a name at a company twice) cannot take
  // turns at the title on every import.
  std::unordered_set<std::int64_t> m_seen;
};

}  // namespace kith
