#include "kith/storage/output_file.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "kith/error.hpp"

namespace kith {

namespace {

std::string reason(int error) { return std::strerror(error); }

}  // namespace

OutputFile::OutputFile(std::filesystem::path path, bool replace)
    : m_path(std::move(path)), m_replace(replace) {
  std::error_code ec;
  auto status = std::filesystem::status(m_path, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    if (std::filesystem::is_directory(status)) {
      throw Error(ErrorKind::cant_create,
                  "cannot write " + m_path.string() + ": it is a directory");
    }
    m_stream.open(m_path, std::ios::binary);  // a device or a pipe: nothing to replace
    if (!m_stream) throw Error(ErrorKind::cant_create, "cannot write " + m_path.string());
    return;
  }
  if (std::filesystem::exists(status) && !m_replace) {
    throw Error(ErrorKind::cant_create,
                m_path.string() + " already exists; use --force to replace it");
  }
  auto dir = m_path.parent_path().empty() ? std::filesystem::path(".") : m_path.parent_path();
  std::string name = (dir / ("." + m_path.filename().string() + ".XXXXXX")).string();
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  int fd = ::mkstemp(buffer.data());  // 0600, whatever the umask
  if (fd < 0) {
    throw Error(ErrorKind::cant_create, "cannot write " + m_path.string() + ": " + reason(errno));
  }
  ::close(fd);
  m_temp = buffer.data();
  m_stream.open(m_temp, std::ios::binary | std::ios::trunc);
  if (!m_stream) {
    std::filesystem::remove(m_temp, ec);
    throw Error(ErrorKind::cant_create, "cannot write " + m_path.string());
  }
}

OutputFile::~OutputFile() {
  if (!m_committed && !m_temp.empty()) {
    m_stream.close();
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
  }
}

void OutputFile::commit() {
  m_stream.flush();
  bool ok = static_cast<bool>(m_stream);
  m_stream.close();
  ok = ok && !m_stream.fail();
  auto fail = [&](const std::string& why) {
    throw Error(ErrorKind::io,
                "cannot write " + m_path.string() + ": " + why + "; nothing was written");
  };
  if (!ok) fail("disk full or I/O error");
  if (m_temp.empty()) {
    m_committed = true;
    return;
  }
  int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int error = errno;
    if (fd >= 0) ::close(fd);
    fail(reason(error));
  }
  ::close(fd);
  int renamed =
      m_replace ? ::rename(m_temp.c_str(), m_path.c_str())
                : ::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_path.c_str(), RENAME_NOREPLACE);
  if (renamed != 0) {
    int error = errno;
    if (error == EEXIST) {
      throw Error(ErrorKind::cant_create,
                  m_path.string() + " already exists; use --force to replace it");
    }
    fail(reason(error));
  }
  m_committed = true;
}

}  // namespace kith
