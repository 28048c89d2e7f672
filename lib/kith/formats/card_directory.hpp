// A directory of .vcf files (a khard or vdirsyncer address book) read as one source of
// contacts, so `kith import DIR` imports it in one transaction like a single file.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "kith/formats/contact_source.hpp"
#include "kith/formats/vcard.hpp"

namespace kith {

// The cards of every .vcf file in a directory, in name order, one file open at a time; each
// record names its file, so problems point at FILE:LINE.
class CardDirectory : public ContactSource {
 public:
  explicit CardDirectory(const std::filesystem::path& dir);

  // Throws permission when a file cannot be read.
  bool next(ContactRecord& record) override;

 private:
  std::vector<std::filesystem::path> m_files;
  std::size_t m_next = 0;
  std::ifstream m_stream;
  std::string m_name;
  std::unique_ptr<VCardReader> m_reader;
};

}  // namespace kith
