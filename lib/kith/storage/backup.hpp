// Copies of the journal: SQLite's online backup API, so a copy taken while another process
// writes is a consistent snapshot; every copy is a private (0600) file. Restoring runs the
// same API the other way, into the live journal, so other processes see one switch from the
// old content to the new.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace kith {

class Journal;

// Copies the database open on `source` into a new file at `destination` (which must not
// exist), written privately and renamed into place only when complete. The destination's
// directory is created (mode 0700) when missing, as for the default backups directory.
// Throws kith::Error: cant_create when the destination exists or cannot be written.
void backup_database(SQLite::Database& source, const std::filesystem::path& destination);

// The same, for a destination the user named: `replace` (--force) allows replacing an
// existing file, and the directory must exist (a typo should not create directories).
void backup_database(SQLite::Database& source, const std::filesystem::path& destination,
                     bool replace);

// The same two, for the journal open as `source` (kith backup).
void backup_database(Journal& source, const std::filesystem::path& destination);
void backup_database(Journal& source, const std::filesystem::path& destination, bool replace);

// Where a backup of `journal` goes by default: `<journal dir>/backups/<stem>-<stamp>.db`,
// where `stamp` is a UTC time such as 20261126T154200Z.
std::filesystem::path default_backup_path(const std::filesystem::path& journal,
                                          std::string_view stamp);

// The stamp for a backup name from an instant 'YYYY-MM-DDTHH:MM:SSZ': 20261126T154200Z.
std::string backup_stamp(std::string_view now_utc);

// default_backup_path(journal, prefix + stamp), or with "-2", "-3"... appended to the stamp
// when that file exists, so two backups in the same second both survive.
std::filesystem::path unused_backup_path(const std::filesystem::path& journal,
                                         std::string_view stamp);

// Checks that `candidate` is a backup kith can restore: it exists (else not_found), is an
// SQLite database (else corrupt), of kith (application_id; else corrupt), passes
// integrity_check (else corrupt) and is not from a newer kith (else schema_too_new).
// Returns its schema version. Never writes the file.
int validate_backup(const std::filesystem::path& candidate);

// Copies the journal at `journal` to `aside` before a restore replaces it: with the backup
// API when SQLite can read it, else byte for byte (a damaged journal is kept as it was).
// Refuses (corrupt) a file that is not a kith journal, so a mistyped --db is never replaced.
void keep_aside(const std::filesystem::path& journal, const std::filesystem::path& aside);

// Copies the validated backup `backup` into the journal at `journal` with the backup API, in
// one transaction that other connections see whole. A missing journal is created privately;
// a journal SQLite cannot write into (damaged) is replaced as a file.
void copy_into_journal(const std::filesystem::path& backup, const std::filesystem::path& journal);

}  // namespace kith
