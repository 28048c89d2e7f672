// A journal or backup file looked at from outside the Journal class, before trusting it:
// what the journal, `kith backup`, `kith restore` and `kith check` share to open a file that
// may be damaged, another application's, a FIFO, read-only or not SQLite at all, with a
// message of its own for each case.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace kith {

// How long a connection waits for another process's lock before reporting "busy".
inline constexpr int k_busy_timeout_ms = 5000;

// The first 16 bytes of every SQLite database.
inline constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

// SQLite reads "file:..." as a URI and ":memory:" as a special name; a relative path is
// prefixed with "./" so every --db value is the file it names.
std::string as_file_name(const std::filesystem::path& path);

// An exclusive flock on `dir`, waited for up to the busy timeout; the descriptor holds it.
int lock_directory(const std::filesystem::path& dir, const std::string& shown);

// Refuses a directory, a FIFO or a device: reading a FIFO would wait forever for a writer.
void check_regular_file(const std::filesystem::path& path, const std::string& shown);

// Checks what can be known before opening for writing, so each case gets its own message.
void check_writable(const std::filesystem::path& path, bool exists, const std::string& shown);

// An SQLite URI that opens `path` read-only as immutable: for reading a journal in a
// directory we cannot write, where SQLite could not create the WAL index it needs.
std::string immutable_uri(const std::filesystem::path& path);

// A read-only connection to the SQLite file at `path`: immutable (immutable_uri) when its
// directory cannot be written and no other process has it open in WAL mode.
std::unique_ptr<SQLite::Database> open_read_only(const std::filesystem::path& path);

// The first bytes of `path` (`what` is "the journal" or "the backup"): empty for an empty
// file. Throws corrupt when it is not a regular file, permission when unreadable.
std::string read_header(const std::filesystem::path& path, const std::string& what);

// Refuses (corrupt), before SQLite touches it, a file whose first bytes are not an SQLite
// database's. Returns false for an empty file, which reads as an empty journal.
bool require_sqlite_header(const std::filesystem::path& path, const std::string& shown);

// A read-only connection that can also read the search index (kith's tokenizer).
std::unique_ptr<SQLite::Database> open_checked(const std::filesystem::path& path);

// True when an SQLite error code says the file is damaged or not a database.
bool is_damage(int code);

// The value of `PRAGMA name` (application_id, user_version).
int pragma_int(SQLite::Database& db, const char* name);

// Refuses (corrupt) an SQLite database of another application; an empty one is fine.
void require_kith_application(SQLite::Database& db, const std::string& shown);

}  // namespace kith
