#include "render/safe_stream.hpp"

#include <sstream>

namespace kith::render {

void SafeTextBuf::put(char c) {
  auto byte = static_cast<unsigned char>(c);
  if (m_after_c2) {
    m_after_c2 = false;
    if (byte >= 0x80 && byte <= 0x9F) {  // U+0080..U+009F: C1 controls (CSI, OSC, ...)
      m_target << "^[" << static_cast<char>('@' + (byte - 0x80));
      return;
    }
    m_target.put('\xC2');
  }
  if (c == k_escape) {
    m_target.put('\x1b');
  } else if (byte == 0xC2) {
    m_after_c2 = true;
  } else if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
    m_target << '^' << static_cast<char>(byte == 0x7F ? '?' : '@' + byte);
  } else {
    m_target.put(c);
  }
}

SafeTextBuf::int_type SafeTextBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  put(traits_type::to_char_type(ch));
  return m_target ? ch : traits_type::eof();
}

namespace {

// True for the bytes put() must look at; everything else is copied as it is.
bool special(char c) {
  auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F || byte == 0xC2 || c == k_escape;
}

}  // namespace

std::streamsize SafeTextBuf::xsputn(const char* text, std::streamsize size) {
  std::streamsize i = 0;
  while (i < size) {
    if (m_after_c2 || special(text[i])) {
      put(text[i++]);
      continue;
    }
    std::streamsize run = i;
    while (run < size && !special(text[run])) ++run;
    m_target.write(text + i, run - i);
    i = run;
  }
  return m_target ? size : 0;
}

int SafeTextBuf::sync() {
  if (m_after_c2) {  // a lone 0xC2 at the end: not a control, pass it on
    m_target.put('\xC2');
    m_after_c2 = false;
  }
  m_target.flush();
  return m_target ? 0 : -1;
}

std::string neutralised(const std::string& text) {
  std::ostringstream out;
  {
    SafeStream safe(out);
    safe << text;
    safe.flush();
  }
  return out.str();
}

}  // namespace kith::render
