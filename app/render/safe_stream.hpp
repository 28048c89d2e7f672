// Untrusted text never reaches a terminal as control codes. A name or note imported from a
// file could hold ESC sequences that retitle the window, hide text or fake output; every
// byte kith writes for a person goes through SafeTextBuf, which shows C0 and C1 control
// characters (other than newline and tab) in caret form (^[) instead. kith's own colours are
// written with k_escape in place of ESC, a byte that never occurs in valid UTF-8, and only
// SafeTextBuf turns it into a real ESC.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace kith::render {

// Stands for ESC in kith's own colour sequences; see SafeTextBuf.
inline constexpr char k_escape = '\xff';

class SafeTextBuf : public std::streambuf {
 public:
  explicit SafeTextBuf(std::ostream& target) : m_target(target) {}
  SafeTextBuf(const SafeTextBuf&) = delete;
  SafeTextBuf& operator=(const SafeTextBuf&) = delete;

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  void put(char c);

  std::ostream& m_target;
  bool m_after_c2 = false;  // the last byte was 0xC2, which starts C1 controls in UTF-8
};

// An ostream writing through a SafeTextBuf to `target`; its state mirrors the target's on
// flush, so write errors (a full disk, a closed pipe) are still seen.
class SafeStream : public std::ostream {
 public:
  explicit SafeStream(std::ostream& target) : std::ostream(nullptr), m_buf(target) {
    rdbuf(&m_buf);
  }

 private:
  SafeTextBuf m_buf;
};

// Text with the control characters shown in caret form, as SafeTextBuf writes it.
std::string neutralised(const std::string& text);

}  // namespace kith::render
