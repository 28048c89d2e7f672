// A journal or backup file looked at from outside the Journal class, before trusting it:
// what `kith backup`, `kith restore` and `kith check` share to read a file that may be
// damaged, another application's, or not SQLite at all, without ever writing it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace kith {

// The first 16 bytes of every SQLite database.
inline constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

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
