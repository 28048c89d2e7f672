// A file kith writes for the user (an export): written to a private temporary file beside
// the target and renamed over it only when every byte is on disk, so a full disk or a crash
// never leaves half a file, and an existing file is replaced only when the user says so.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "kith/util/temp_file.hpp"

namespace kith {

class OutputFile {
 public:
  // Throws cant_create (the file exists and `replace` is false, or the directory cannot be
  // written). A path that is not a regular file (/dev/stdout, /dev/full, a pipe) is written
  // directly.
  OutputFile(std::filesystem::path path, bool replace);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return m_stream; }

  // Flushes, syncs and moves the file into place; throws io when any write failed.
  void commit();

 private:
  std::filesystem::path m_path;
  std::optional<TempFile> m_temp;  // none when writing the path directly
  bool m_replace = false;
  bool m_committed = false;
  std::ofstream m_stream;
};

}  // namespace kith
