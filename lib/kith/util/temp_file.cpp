#include "kith/util/temp_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "kith/error.hpp"

namespace kith {

namespace {

// The live temporary files, as plain character arrays the signal handler can read. A slot is
// claimed with `busy`, filled, then published with `live`; the handler reads only live slots.
struct Slot {
  std::atomic<bool> busy{false};
  std::atomic<bool> live{false};
  bool side_files = false;
  bool directory = false;  // a TempDir: its files are removed, then the directory
  char path[PATH_MAX] = {};
};

constexpr std::size_t k_slots = 16;
std::array<Slot, k_slots> g_slots;

int claim(const std::string& path, bool side_files, bool directory = false) {
  if (path.size() >= PATH_MAX - 8) return -1;
  for (std::size_t i = 0; i < k_slots; ++i) {
    bool expected = false;
    if (!g_slots[i].busy.compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].side_files = side_files;
    g_slots[i].directory = directory;
    g_slots[i].live.store(true);
    return static_cast<int>(i);
  }
  return -1;  // more than k_slots at once: the destructor still removes it
}

void release(int slot) {
  if (slot < 0) return;
  g_slots[static_cast<std::size_t>(slot)].live.store(false);
  g_slots[static_cast<std::size_t>(slot)].busy.store(false);
}

// unlink() of `path` followed by `suffix`, with no allocation.
void unlink_with_suffix(const char* path, const char* suffix) noexcept {
  char name[PATH_MAX];
  std::size_t n = 0;
  for (const char* p = path; *p != '\0' && n + 1 < sizeof name; ++p) name[n++] = *p;
  for (const char* p = suffix; *p != '\0' && n + 1 < sizeof name; ++p) name[n++] = *p;
  name[n] = '\0';
  ::unlink(name);
}

// Removes the files of the directory `path` (it holds no subdirectories), then the directory:
// with getdents64 rather than opendir, which may allocate.
void remove_directory(const char* path) noexcept {
  int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    alignas(8) char buffer[4096];
    for (;;) {
      ssize_t n = ::getdents64(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      for (ssize_t at = 0; at < n;) {
        const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + at);
        const char* name = entry->d_name;
        if (!(name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))) {
          ::unlinkat(fd, name, 0);
        }
        at += entry->d_reclen;
      }
    }
    ::close(fd);
  }
  ::rmdir(path);
}

std::string reason(int error) { return std::strerror(error); }

// Makes a rename in `dir` survive a crash: the directory itself is synced.
void sync_directory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// SIGINT, SIGTERM and SIGHUP wait while one lives: kith's handler then finds either nothing
// or a file it knows (a temporary file created but not yet in the table would be left behind),
// and never half a set of moved files.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t block;
    ::sigemptyset(&block);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&block, signal);
    ::pthread_sigmask(SIG_BLOCK, &block, &m_old);
  }
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t m_old;
};

Error write_error(const std::string& shown, int error) {
  return Error(ErrorKind::io,
               "cannot write " + shown + ": " + reason(error) + "; nothing was written");
}

}  // namespace

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
}

TempFile::TempFile(const std::filesystem::path& dir, std::string_view prefix,
                   std::string_view suffix, const std::string& shown, bool sqlite_side_files)
    : m_side_files(sqlite_side_files) {
  std::string name = (dir / (std::string(prefix) + "XXXXXX" + std::string(suffix))).string();
  SignalsHeld held;  // until the file is in the handler's table
  int fd = ::mkstemps(name.data(), static_cast<int>(suffix.size()));  // 0600, whatever the umask
  if (fd < 0) {
    int error = errno;
    throw Error(error == EACCES || error == EROFS ? ErrorKind::permission : ErrorKind::cant_create,
                "cannot write " + shown + ": " + reason(error));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  m_path = name;
  m_slot = claim(name, sqlite_side_files);
}

TempFile::~TempFile() {
  std::error_code ec;
  if (m_side_files) {
    for (const char* side : {"-journal", "-wal", "-shm"}) {
      std::filesystem::remove(m_path.string() + side, ec);
    }
  }
  if (!m_moved) std::filesystem::remove(m_path, ec);
  release(m_slot);
}

void TempFile::move_to(const std::filesystem::path& destination, bool replace) {
  auto fail = [&](int error) {
    if (error == EEXIST) {
      throw Error(ErrorKind::cant_create,
                  destination.string() + " already exists; use --force to replace it");
    }
    throw Error(ErrorKind::io, "cannot write " + destination.string() + ": " + reason(error) +
                                   "; nothing was written");
  };
  int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int error = errno;
    if (fd >= 0) ::close(fd);
    fail(error);
  }
  ::close(fd);
  int renamed = replace ? ::rename(m_path.c_str(), destination.c_str())
                        : ::renameat2(AT_FDCWD, m_path.c_str(), AT_FDCWD, destination.c_str(),
                                      RENAME_NOREPLACE);
  if (renamed != 0) fail(errno);
  m_moved = true;
  release(m_slot);
  m_slot = -1;
  sync_directory(directory_of(destination));
}

void TempFile::keep_on_signal() {
  release(m_slot);
  m_slot = -1;
}

TempDir::TempDir(const std::filesystem::path& parent, std::string_view prefix,
                 const std::string& shown)
    : m_shown(shown) {
  std::string name = (parent / (std::string(prefix) + "XXXXXX")).string();
  SignalsHeld held;                         // until the directory is in the handler's table
  if (::mkdtemp(name.data()) == nullptr) {  // 0700
    int error = errno;
    throw Error(error == EACCES || error == EROFS ? ErrorKind::permission : ErrorKind::cant_create,
                "cannot write " + shown + ": " + reason(error));
  }
  m_path = name;
  m_fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (m_fd < 0) {
    int error = errno;
    ::rmdir(name.c_str());
    throw Error(ErrorKind::cant_create, "cannot write " + shown + ": " + reason(error));
  }
  m_slot = claim(name, false, true);
}

TempDir::~TempDir() {
  // Whatever is still inside: the cards when nothing moved, the old cards that --force
  // exchanged out of the destination once everything moved.
  if (!m_renamed) {
    for (const auto& name : m_names) ::unlinkat(m_fd, name.c_str(), 0);
    ::rmdir(m_path.c_str());
  }
  ::close(m_fd);
  release(m_slot);
}

bool TempDir::write_file(const std::string& name, std::string_view bytes) {
  int fd = ::openat(m_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw write_error(m_shown, errno);
  }
  m_names.push_back(name);
  const char* at = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
      throw write_error(m_shown, error);
    }
    at += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw write_error(m_shown, errno);
  return true;
}

void TempDir::move_into(const std::filesystem::path& destination, bool replace) {
  // A signal waits until the files are all moved (or all put back): never half a set.
  SignalsHeld held;
  struct stat existing {};
  if (::lstat(destination.c_str(), &existing) != 0) {
    if (::renameat2(AT_FDCWD, m_path.c_str(), AT_FDCWD, destination.c_str(), RENAME_NOREPLACE) !=
        0) {
      throw write_error(m_shown, errno);
    }
    m_renamed = true;
  } else {
    move_files_into(destination, replace);
  }
  sync_directory(directory_of(destination));
}

void TempDir::move_files_into(const std::filesystem::path& destination, bool replace) {
  int dir = ::open(destination.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    throw Error(ErrorKind::cant_create, "cannot write " + m_shown + ": " + reason(errno));
  }
  auto taken_error = [&](const std::string& name, const char* why) {
    ::close(dir);
    return Error(ErrorKind::cant_create, (destination / name).string() + why);
  };
  // Everything is checked before anything moves: a name taken (without --force), or taken by
  // something that is not a file, stops the export with nothing written.
  std::vector<bool> exists(m_names.size(), false);
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    struct stat taken {};
    if (::fstatat(dir, m_names[i].c_str(), &taken, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!replace) {
      throw taken_error(m_names[i],
                        " already exists; use --force to replace it; nothing was written");
    }
    if (!S_ISREG(taken.st_mode) && !S_ISLNK(taken.st_mode)) {
      throw taken_error(m_names[i], " exists and is not a file; nothing was written");
    }
    exists[i] = true;
  }
  // An existing card is exchanged with the new one, so that a failure part-way can put every
  // old card back; the old ones end in this directory and go with it.
  std::size_t moved = 0;
  for (; moved < m_names.size(); ++moved) {
    const char* name = m_names[moved].c_str();
    const unsigned flags = exists[moved] ? RENAME_EXCHANGE : RENAME_NOREPLACE;
    if (::renameat2(m_fd, name, dir, name, flags) != 0) break;
  }
  if (moved < m_names.size()) {
    const int error = errno;
    for (std::size_t i = 0; i < moved; ++i) {
      const char* name = m_names[i].c_str();
      ::renameat2(dir, name, m_fd, name, exists[i] ? RENAME_EXCHANGE : RENAME_NOREPLACE);
    }
    ::close(dir);
    if (error == EEXIST) {
      throw Error(ErrorKind::cant_create,
                  (destination / m_names[moved]).string() +
                      " already exists; use --force to replace it; nothing was written");
    }
    throw write_error(m_shown, error);
  }
  // The new cards are in place; what is left here is the old cards, removed with the directory.
  std::vector<std::string> old;
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    if (exists[i]) old.push_back(m_names[i]);
  }
  m_names = std::move(old);
  ::fsync(dir);
  ::close(dir);
}

void remove_temp_files() noexcept {
  for (Slot& slot : g_slots) {
    if (!slot.live.load()) continue;
    if (slot.directory) {
      remove_directory(slot.path);
      continue;
    }
    if (slot.side_files) {
      for (const char* side : {"-journal", "-wal", "-shm"}) unlink_with_suffix(slot.path, side);
    }
    ::unlink(slot.path);
  }
}

}  // namespace kith
