// Untrusted text never reaches a terminal as control codes. A name or note imported from a
// file, a file name in an error, an option value echoed back: any of them could hold ESC
// sequences that retitle the window, write the clipboard, hide text or fake output, bytes
// that are not UTF-8, or bidirectional overrides that make one name display as another. Every
// byte kith writes for a person, on stdout and stderr, goes through SafeTextBuf, which shows
//   - C0 and C1 control characters (other than newline and tab) in caret form (^[, ^M),
//   - bidirectional controls and zero-width characters as <U+202E>,
//   - every byte that is not part of well-formed UTF-8 as \xFF.
// kith's own control bytes (colours, the carriage return of a progress line) are written with
// trusted(): a marker that starts with 0xFF, which never occurs in UTF-8, followed by a token
// drawn at random when the process first needs it. Input cannot contain the marker, since it
// cannot know the token and the filter never writes it out; a 0xFF without it is shown as \xFF.
#pragma once

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace kith::render {

// `control` (ESC, CR) as kith's own: written unchanged by SafeTextBuf, for a terminal.
std::string trusted(char control);

// How a code point is shown to a person, when not as itself: empty for ordinary text.
// Exposed so that column widths (render/table.cpp) agree with what SafeTextBuf writes.
std::string_view shown_form(char32_t code_point, char* buffer);

// The marker trusted() starts with (0xFF and the token), for code that must skip it.
std::string_view trusted_marker();

class SafeTextBuf : public std::streambuf {
 public:
  explicit SafeTextBuf(std::ostream& target) : m_target(target) {}
  SafeTextBuf(const SafeTextBuf&) = delete;
  SafeTextBuf& operator=(const SafeTextBuf&) = delete;
  ~SafeTextBuf() override { finish(); }

  // Shows a sequence cut short at the end of the output (a lone lead byte) as \xNN.
  void finish();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  void put(unsigned char byte);
  void emit_code_point(char32_t code_point);
  void emit_invalid(unsigned char byte);
  void flush_pending_as_invalid();
  void replay(std::string bytes);

  std::ostream& m_target;
  // A UTF-8 sequence or a trusted marker that has begun but not ended.
  std::string m_pending;
  std::size_t m_expected = 0;   // the length of the UTF-8 sequence in m_pending
  bool m_in_marker = false;     // m_pending holds the start of the marker
  bool m_trusted_next = false;  // the marker was complete: the next byte goes out unchanged
};

// An ostream writing through a SafeTextBuf to `target`; its state mirrors the target's on
// flush, so write errors (a full disk, a closed pipe) are still seen.
class SafeStream : public std::ostream {
 public:
  explicit SafeStream(std::ostream& target) : std::ostream(nullptr), m_buf(target) {
    rdbuf(&m_buf);
  }
  // Writes out what is pending (see SafeTextBuf::finish) and flushes.
  void finish() {
    m_buf.finish();
    flush();
  }

 private:
  SafeTextBuf m_buf;
};

// Text as SafeTextBuf shows it.
std::string neutralised(std::string_view text);

}  // namespace kith::render
