#include "kith/formats/card_directory.hpp"

#include <algorithm>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith {

CardDirectory::CardDirectory(const std::filesystem::path& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && ascii_lower(entry.path().extension().string()) == ".vcf") {
      m_files.push_back(entry.path());
    }
  }
  std::sort(m_files.begin(), m_files.end());
}

bool CardDirectory::next(ContactRecord& record) {
  while (!m_reader || !m_reader->next(record)) {
    if (m_next == m_files.size()) return false;
    m_reader.reset();
    m_stream = std::ifstream(m_files[m_next], std::ios::binary);
    if (!m_stream) {
      throw Error(ErrorKind::permission,
                  "cannot read " + m_files[m_next].string() + ": permission denied");
    }
    m_name = m_files[m_next++].string();
    m_reader = std::make_unique<VCardReader>(m_stream);
  }
  record.file = m_name;
  return true;
}

}  // namespace kith
