// The journal is one SQLite file. This class owns the connection, refuses files that are
// not kith journals (or come from a newer kith), applies migrations, and runs every unit of
// work in a transaction with SQLite's errors turned into kith's.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace kith {

class Journal {
 public:
  enum class Access { read, write };

  // Opens the journal at `path`, always a file path (never an SQLite URI). With write access
  // a missing file is created, with its schema, in a directory that must exist. With read
  // access a missing file reads as an empty journal and nothing is created.
  static Journal open(const std::filesystem::path& path, Access access);

  // A new, empty journal in memory, for tests and for reading a journal that does not exist.
  static Journal in_memory();

  Journal(Journal&&) noexcept;
  Journal& operator=(Journal&&) noexcept;
  ~Journal();

  // Runs `work` in one IMMEDIATE transaction: all of it is committed or none of it. Inside
  // another write, `work` joins the enclosing transaction.
  void write(const std::function<void()>& work);

  // Runs `work` in one read transaction, so it sees a single consistent state.
  void read(const std::function<void()>& work);

  // The connection, for the storage classes only.
  SQLite::Database& database();

  // The file name to show in messages.
  const std::string& display_name() const { return m_display_name; }

  // The schema version this build of kith writes.
  static int latest_version();

 private:
  Journal(std::unique_ptr<SQLite::Database> db, std::string display_name);
  void prepare(Access access);

  std::unique_ptr<SQLite::Database> m_db;
  std::string m_display_name;
  bool m_needs_upgrade = false;
  bool m_in_memory = false;
  int m_depth = 0;  // how many write/read calls are running, to nest them in one transaction
};

}  // namespace kith
