#include "kith/storage/journal_file.hpp"

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/migrations.hpp"
#include "kith/storage/search_index.hpp"
#include "kith/util/interrupt.hpp"
#include "kith/util/temp_file.hpp"

namespace kith {

namespace fs = std::filesystem;

std::string as_file_name(const std::filesystem::path& path) {
  std::string name = path.string();
  return path.is_absolute() ? name : "./" + name;
}

int lock_directory(const std::filesystem::path& dir, const std::string& shown) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    throw Error(ErrorKind::cant_create,
                "cannot create the journal " + shown + ": " + std::strerror(errno));
  }
  for (int waited = 0; ::flock(fd, LOCK_EX | LOCK_NB) != 0; waited += 20) {
    if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= k_busy_timeout_ms) {
      ::close(fd);
      throw Error(ErrorKind::busy,
                  "another kith process is creating the journal " + shown + "; try again");
    }
    throw_if_interrupted();
    ::usleep(20000);
  }
  return fd;
}

void check_regular_file(const std::filesystem::path& path, const std::string& shown) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    throw Error(ErrorKind::corrupt, shown + " is a directory, not a kith journal");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw Error(ErrorKind::corrupt, shown +
                                        " is not a regular file (a pipe or a device), not a kith "
                                        "journal; use --db to name your journal");
  }
}

void check_writable(const std::filesystem::path& path, bool exists, const std::string& shown) {
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw Error(ErrorKind::cant_create, "cannot create the journal " + shown + ": directory " +
                                            dir.string() + " does not exist");
  }
  if (exists && ::access(path.c_str(), W_OK) != 0) {
    throw Error(
        ErrorKind::permission,
        "the journal " + shown + " is read-only; reading works, changes need write permission");
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    throw Error(ErrorKind::permission, "cannot write in " + dir.string() +
                                           " (permission denied); kith needs it for the journal");
  }
}

std::string immutable_uri(const std::filesystem::path& path) {
  std::string absolute = std::filesystem::absolute(path).string();
  std::string uri = "file:";
  for (char c : absolute) {
    if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20) {
      uri += '%' + hex_byte(static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

std::unique_ptr<SQLite::Database> open_read_only(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path.string() + "-shm", ec) &&
      ::access(directory_of(path).c_str(), W_OK) != 0) {
    return std::make_unique<SQLite::Database>(
        immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI, k_busy_timeout_ms);
  }
  return std::make_unique<SQLite::Database>(as_file_name(path), SQLite::OPEN_READONLY,
                                            k_busy_timeout_ms);
}

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
