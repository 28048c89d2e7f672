// Looking after the journal: `kith backup` copies it to a private file; `kith check` judges
// what a read-only look at the file found and says what to do about each problem; `kith
// restore` puts a checked backup in place of the journal, keeping the journal it replaces.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/moment.hpp"

namespace kith {

class Journal;

// One thing wrong with the journal and what the user can do about it.
struct Problem {
  std::string what;
  std::string fix;
};

struct CheckReport {
  bool full = false;       // integrity_check rather than quick_check
  int schema_version = 0;  // the journal's PRAGMA user_version
  bool indexed = false;    // the search index was checked too (only at the latest schema)
  std::vector<Problem> problems;
  // Facts worth saying that are not problems, such as a schema the next write upgrades.
  std::vector<std::string> notes;
};

// Checks the journal at `journal` without writing it or migrating it: the SQLite check
// (`full`: integrity_check, else quick_check), foreign keys, kith's own rules, and the search
// index. Throws not_found, corrupt (not a kith journal) and schema_too_new.
CheckReport check_journal(const std::filesystem::path& journal, bool full);

struct BackupResult {
  std::filesystem::path path;  // where the copy was written
  std::uintmax_t bytes = 0;    // its size
};

// Copies the journal open as `opened` (the file `journal`) to `requested`: when empty, a new
// file in the backups directory beside the journal, named by `now`; a directory gets a file
// named the same way in it; else that file, replaced only with `replace`.
BackupResult backup_journal(Journal& opened, const std::filesystem::path& journal,
                            const std::filesystem::path& requested, bool replace,
                            const Moment& now);

struct RestoreResult {
  int backup_version = 0;                      // the schema of the backup as it was
  int journal_version = 0;                     // the schema of the journal now
  std::optional<std::filesystem::path> aside;  // where the replaced journal was kept
};

// Replaces the content of the journal at `journal` with the backup at `backup`: checks the
// backup (validate_backup), keeps the current journal in its backups directory as
// <stem>-before-restore-<stamp>.db, copies the backup in, and upgrades it when it comes from
// an older kith. `now` names the kept copy.
RestoreResult restore_journal(const std::filesystem::path& journal,
                              const std::filesystem::path& backup, const Moment& now);

}  // namespace kith
