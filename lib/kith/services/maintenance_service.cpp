#include "kith/services/maintenance_service.hpp"

#include "kith/error.hpp"
#include "kith/storage/backup.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/journal_inspection.hpp"
#include "kith/storage/search_index.hpp"

namespace kith {

namespace {

namespace fs = std::filesystem;

void add(std::vector<Problem>& problems, const std::vector<std::string>& found,
         const std::string& fix) {
  for (const auto& what : found) problems.push_back({what, fix});
}

}  // namespace

CheckReport check_journal(const fs::path& journal, bool full) {
  JournalInspection found = inspect_journal(journal, full);
  CheckReport report;
  report.full = full;
  report.schema_version = found.schema_version;
  report.indexed = found.schema_version == Journal::latest_version();
  const std::string restore = "restore a good backup with kith restore PATH (backups are in " +
                              (journal.parent_path() / "backups").string() + ")";
  const std::string check = full ? "integrity check" : "quick check";
  for (const auto& line : found.integrity) {
    report.problems.push_back({"the journal is damaged (SQLite's " + check + ": " + line + ")",
                               restore + "; kith export may still save what is readable"});
  }
  add(report.problems, found.schema_objects, restore);
  add(report.problems, found.foreign_keys, restore + ", or report this as a bug");
  add(report.problems, found.name_keys,
      "kith matches names by this key; editing the record recomputes it (kith contact edit ID "
      "--name NAME, kith event edit ID --name NAME)");
  add(report.problems, found.follow_ups,
      "close or reopen the follow-up with kith follow-up done|cancel ID, or " + restore);
  add(report.problems, found.invalid_text,
      "set the value again (kith contact edit, kith event edit), or an export may change it");
  add(report.problems, found.tombstones,
      "an export would both keep and delete it; delete the record again, or " + restore);
  const int latest = Journal::latest_version();
  if (report.problems.empty() && found.schema_version > 0 && found.schema_version < latest) {
    report.notes.push_back("the journal has schema " + std::to_string(found.schema_version) +
                           "; the next kith command upgrades it to " + std::to_string(latest) +
                           ", after taking a backup");
  }
  // The search index is checked through the journal, which only opens without upgrading a
  // journal at the latest schema; an older one has no index yet.
  if (report.problems.empty() && found.schema_version == latest) {
    Journal opened = Journal::open(journal, Journal::Access::read);
    add(report.problems, search_index_problems(opened),
        "kith search may miss or show stale results; " + restore + ", or report this as a bug");
  }
  return report;
}

BackupResult backup_journal(Journal& opened, const fs::path& journal, const fs::path& requested,
                            bool replace, const Moment& now) {
  std::string stamp = backup_stamp(now.now_utc);
  BackupResult result;
  if (requested.empty()) {
    result.path = unused_backup_path(journal, stamp);
    backup_database(opened, result.path);
  } else {
    result.path = requested;
    std::error_code ec;
    // A directory gets a file named as in the backups directory.
    if (fs::is_directory(result.path, ec)) {
      result.path /= default_backup_path(journal, stamp).filename();
    }
    backup_database(opened, result.path, replace);
  }
  std::error_code ec;
  result.bytes = fs::file_size(result.path, ec);
  return result;
}

RestoreResult restore_journal(const fs::path& journal, const fs::path& backup, const Moment& now) {
  RestoreResult result;
  result.backup_version = validate_backup(backup);
  std::error_code ec;
  if (fs::exists(journal, ec) && fs::equivalent(journal, backup, ec)) {
    throw Error(ErrorKind::usage,
                backup.string() + " is the journal itself; name a backup to restore");
  }
  if (fs::exists(journal, ec) && fs::file_size(journal, ec) > 0) {
    fs::path aside = unused_backup_path(journal, "before-restore-" + backup_stamp(now.now_utc));
    keep_aside(journal, aside);
    result.aside = aside;
  }
  copy_into_journal(backup, journal);
  // Opening for writing upgrades a backup from an older kith and proves the result opens.
  Journal::open(journal, Journal::Access::write);
  result.journal_version = Journal::latest_version();
  return result;
}

}  // namespace kith
