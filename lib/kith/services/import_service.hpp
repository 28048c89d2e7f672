// Bulk entry: contacts from LinkedIn, Google, generic CSV and vCard files, and every kind of
// record from kith's JSON Lines. An import is one transaction: if any record is bad, nothing
// changes and every problem is reported by line. Records are matched to what the journal
// holds (uid, then email, then profile URL, then name and company), so importing the same
// file twice changes nothing the second time; a record read from an export replaces the
// journal's copy only when it is newer, and carries deletions.
#pragma once

#include <array>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "kith/domain/moment.hpp"
#include "kith/domain/tombstone.hpp"
#include "kith/error.hpp"
#include "kith/formats/contact_source.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// What an import does when a record matches one the journal has.
enum class OnConflict { update, skip, fail };
inline constexpr EnumNames<OnConflict, 3> k_on_conflict_names{{
    {OnConflict::skip, "skip"},
    {OnConflict::update, "update"},
    {OnConflict::fail, "fail"},
}};

struct ImportOptions {
  std::string file_name;  // shown before each problem's line number
  bool dry_run = false;   // do everything, then roll back
  OnConflict on_conflict = OnConflict::update;
  std::vector<std::string> tags;  // added to every contact imported or matched
  // Import the valid records and fields and leave out the invalid ones (each listed in
  // ImportTotals::skipped), instead of refusing the whole file.
  bool skip_invalid = false;
};

// What the import did, or would do, with one record.
struct ImportOutcome {
  enum class Action { added, updated, unchanged, skipped, deleted };
  Action action = Action::added;
  RecordKind kind = RecordKind::contact;
  int line = 0;
  std::string label;   // the name of the contact or event, the summary of a conversation
  std::string detail;  // how it matched the journal, or why it was skipped
  std::string file;    // set when the import reads several files (a vCard directory)
};

inline constexpr EnumNames<ImportOutcome::Action, 5> k_import_action_names{{
    {ImportOutcome::Action::added, "added"},
    {ImportOutcome::Action::updated, "updated"},
    {ImportOutcome::Action::unchanged, "unchanged"},
    {ImportOutcome::Action::skipped, "skipped"},
    {ImportOutcome::Action::deleted, "deleted"},
}};
inline std::string_view to_string(ImportOutcome::Action action) {
  return to_text(k_import_action_names, action);
}

struct ImportTotals {
  // counts[kind][action], indexed by the enums' values.
  std::array<std::array<int, 5>, 4> counts{};
  std::vector<std::string> notices;  // from the reader: ignored columns and the like
  int named = 0;                     // records without a name, named by their company or email
  // "FILE:LINE: message": values kith kept in another form (in the note, split) or dropped.
  std::vector<std::string> warnings;
  // "FILE:LINE: message": every invalid record or field left out (with skip_invalid).
  std::vector<std::string> skipped;

  int count(RecordKind kind, ImportOutcome::Action action) const;
  int records(RecordKind kind) const;
};

// The import found bad records and changed nothing. what() is a one-line summary;
// problems() are the first few "FILE:LINE: message" lines.
class ImportFailed : public Error {
 public:
  // `skippable`: the file was read by a route that --skip-invalid serves, so say so.
  ImportFailed(const std::string& file, std::vector<std::string> problems, int total,
               bool skippable = false);
  const std::vector<std::string>& problems() const { return m_problems; }
  int total() const { return m_total; }

 private:
  std::vector<std::string> m_problems;
  int m_total = 0;
};

class ImportService {
 public:
  // At most this many problems are listed; the rest are counted.
  static constexpr int k_max_problems = 20;

  // `observer` hears about every record as it is handled (for a dry-run report or progress).
  ImportService(Journal& journal, Moment moment, ImportOptions options,
                std::function<void(const ImportOutcome&)> observer = {});

  ImportTotals import_contacts(ContactSource& source);
  ImportTotals import_jsonl(std::istream& in);

 private:
  class Run;

  Journal& m_journal;
  Moment m_moment;
  ImportOptions m_options;
  std::function<void(const ImportOutcome&)> m_observer;
};

}  // namespace kith
