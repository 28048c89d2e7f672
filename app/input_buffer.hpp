// The bytes of an imported file or of standard input, as the readers see them: the head kith
// already read to tell the format first, then the rest in 64 KiB chunks. Between chunks it
// checks for Ctrl-C or SIGTERM and ends the input early when one came, so an endless line
// (`yes | tr -d '\n' | kith import -`) is stopped within a chunk; the import then reports the
// interruption, not a problem of the file.
#pragma once

#include <streambuf>
#include <string>

namespace kith::cli {

class InputBuffer : public std::streambuf {
 public:
  InputBuffer(std::string head, std::streambuf* rest);

 protected:
  int_type underflow() override;

 private:
  std::string m_head;
  std::streambuf* m_rest;
  char m_chunk[1 << 16];
};

}  // namespace kith::cli
