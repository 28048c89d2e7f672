#include "kith/storage/journal_file.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <array>
#include <fstream>

#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/search_index.hpp"

namespace kith {

namespace fs = std::filesystem;

std::string read_header(const fs::path& path, const std::string& what) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {  // a FIFO would block the read below forever
    throw Error(ErrorKind::corrupt,
                path.string() + " is not a regular file (a pipe or a device), not " +
                    (what == "the backup" ? "a kith backup" : "a kith journal"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::permission,
                "cannot read " + what + " " + path.string() + ": permission denied");
  }
  std::array<char, 16> header{};
  in.read(header.data(), header.size());
  return std::string(header.data(), static_cast<std::size_t>(in.gcount()));
}

bool require_sqlite_header(const fs::path& path, const std::string& shown) {
  std::string header = read_header(path, "the journal");
  if (!header.empty() && header != k_sqlite_magic) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is not a kith journal (not an SQLite database); "
                                        "use --db to name your journal");
  }
  return !header.empty();
}

std::unique_ptr<SQLite::Database> open_checked(const fs::path& path) {
  auto db = open_read_only(path);
  register_search_tokenizer(db->getHandle());
  return db;
}

bool is_damage(int code) {
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

int pragma_int(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

void require_kith_application(SQLite::Database& db, const std::string& shown) {
  int application_id = pragma_int(db, "application_id");
  int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (application_id != k_application_id && (application_id != 0 || objects > 0)) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is an SQLite database of another application, not "
                                        "a kith journal; use --db to name your journal");
  }
}

}  // namespace kith
