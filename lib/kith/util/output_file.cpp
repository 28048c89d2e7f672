#include "kith/util/output_file.hpp"

#include "kith/error.hpp"

namespace kith {

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
  m_temp.emplace(directory_of(m_path), "." + m_path.filename().string() + ".", "", m_path.string());
  m_stream.open(m_temp->path(), std::ios::binary | std::ios::trunc);
  if (!m_stream) throw Error(ErrorKind::cant_create, "cannot write " + m_path.string());
}

OutputFile::~OutputFile() {
  if (!m_committed) m_stream.close();
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
  if (!m_temp) {
    m_committed = true;
    return;
  }
  m_temp->move_to(m_path, m_replace);
  m_committed = true;
}

}  // namespace kith
