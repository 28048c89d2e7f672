// Every temporary file kith makes (an export before its rename, a backup being written, the
// note handed to the editor, the cards of a split export) is private from its first byte and
// is gone however kith ends: its destructor removes it on every return and exception, and the
// signal handler calls remove_temp_files() before it exits, so Ctrl-C, SIGTERM or a closed
// terminal leave nothing behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

class TempFile {
 public:
  // Creates `dir`/`prefix`XXXXXX`suffix` with mode 0600 whatever the umask. `shown` names the
  // file the user asked for in errors (cant_create, or permission when the directory is not
  // writable). With `sqlite_side_files`, the -journal, -wal and -shm files SQLite may make
  // beside it are removed with it.
  TempFile(const std::filesystem::path& dir, std::string_view prefix, std::string_view suffix,
           const std::string& shown, bool sqlite_side_files = false);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // Syncs the file, renames it to `destination` (never over an existing file unless
  // `replace`) and syncs the directory, so the rename survives a crash. From then on the file
  // is the user's and is no longer removed. Throws cant_create when `destination` exists, io
  // otherwise.
  void move_to(const std::filesystem::path& destination, bool replace);

  // From now on the signal handler leaves the file alone (its destructor still removes it):
  // called before a commit into it, whose data a second Ctrl-C must not delete.
  void keep_on_signal();

 private:
  std::filesystem::path m_path;
  int m_slot = -1;  // the file's place in the list remove_temp_files() reads
  bool m_side_files = false;
  bool m_moved = false;
};

// A private directory (0700) of files written one by one and moved into place together, so
// that a set of files (one vCard per contact) appears whole or not at all. Each file is
// created relative to the directory's descriptor, never through a symbolic link, never over
// another file.
class TempDir {
 public:
  // Creates `parent`/`prefix`XXXXXX; `shown` names what the user asked for in errors.
  TempDir(const std::filesystem::path& parent, std::string_view prefix, const std::string& shown);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to the new file `name` (a plain name, no '/') and syncs it. Returns false,
  // writing nothing, when `name` is already taken. Throws io when the disk is full.
  bool write_file(const std::string& name, std::string_view bytes);

  // Moves the files into `destination`: when it does not exist, the directory itself is renamed
  // to it; else each file is renamed into it, after checking that none of their names is taken
  // there unless `replace` (cant_create, nothing moved). The directory is synced after.
  void move_into(const std::filesystem::path& destination, bool replace);

 private:
  std::filesystem::path m_path;
  std::string m_shown;
  int m_fd = -1;
  int m_slot = -1;
  std::vector<std::string> m_names;  // the files in this directory
  bool m_renamed = false;            // the directory itself became the destination
  void move_files_into(const std::filesystem::path& destination, bool replace);
};

// Removes every TempFile and TempDir still alive. Async-signal-safe: called from the signal
// handler.
void remove_temp_files() noexcept;

// The directory part of `path`: "." for a bare file name.
std::filesystem::path directory_of(const std::filesystem::path& path);

}  // namespace kith
