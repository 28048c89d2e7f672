#include "render/safe_stream.hpp"

#include <sys/random.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace kith::render {

namespace {

constexpr unsigned char k_marker_lead = 0xFF;
constexpr std::size_t k_token_bytes = 8;

// 0xFF and sixteen hex digits from the kernel's random source, drawn once per process.
const std::string& marker() {
  static const std::string value = [] {
    std::array<unsigned char, k_token_bytes> token{};
    std::size_t got = 0;
    while (got < token.size()) {
      ssize_t n = ::getrandom(token.data() + got, token.size() - got, 0);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    if (got < token.size()) {
      // No random source (a seccomp sandbox): the clock's low bits still differ per run.
      auto ticks = static_cast<unsigned long long>(
          std::chrono::steady_clock::now().time_since_epoch().count());
      for (auto& byte : token) {
        byte = static_cast<unsigned char>(byte ^ (ticks & 0xFF));
        ticks = (ticks >> 8) | (ticks << 56);
      }
    }
    std::string text(1, static_cast<char>(k_marker_lead));
    constexpr std::string_view k_hex = "0123456789abcdef";
    for (unsigned char byte : token) {
      text += k_hex[byte >> 4];
      text += k_hex[byte & 0x0F];
    }
    return text;
  }();
  return value;
}

// Bidirectional controls and zero-width characters: they can make a name display as another
// (U+202E shows the rest of a line right to left) or hide a difference between two names.
// Also the other characters that draw nothing (the soft hyphen, fillers, tag characters), by
// which two names that look the same can differ. Variation selectors and joiners inside
// emoji are not among them, but for U+200D, which the list of zero-width characters names.
bool invisible_control(char32_t c) {
  return c == 0x00AD || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
         (c >= 0x180B && c <= 0x180E) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x3164 || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

// The second byte of a sequence led by `lead` must lie in [low, high] (Unicode table 3-7):
// this refuses overlong forms, surrogates and code points past U+10FFFF.
struct LeadRule {
  std::size_t length = 0;  // 0: not a lead byte
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
};

LeadRule lead_rule(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {};
}

char32_t decode(const std::string& bytes) {
  auto b = [&bytes](std::size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(bytes[i]));
  };
  switch (bytes.size()) {
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

// Bytes that xsputn may copy as they are: printable ASCII, newline and tab.
bool plain(char c) {
  auto byte = static_cast<unsigned char>(c);
  return (byte >= 0x20 && byte < 0x7F) || c == '\n' || c == '\t';
}

}  // namespace

std::string trusted(char control) { return marker() + control; }

std::string_view trusted_marker() { return marker(); }

std::string_view shown_form(char32_t c, char* buffer) {
  if (c == '\n' || c == '\t') return {};
  if (c < 0x20 || c == 0x7F) {
    buffer[0] = '^';
    buffer[1] = c == 0x7F ? '?' : static_cast<char>('@' + c);
    return {buffer, 2};
  }
  if (c >= 0x80 && c <= 0x9F) {  // C1 controls (CSI, OSC, ...): the caret form of ESC and a letter
    buffer[0] = '^';
    buffer[1] = '[';
    buffer[2] = static_cast<char>('@' + (c - 0x80));
    return {buffer, 3};
  }
  if (invisible_control(c)) {
    int n = std::snprintf(buffer, 12, "<U+%04X>", static_cast<unsigned>(c));
    return {buffer, static_cast<std::size_t>(n)};
  }
  return {};
}

void SafeTextBuf::emit_invalid(unsigned char byte) {
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  const char shown[4] = {'\\', 'x', k_hex[byte >> 4], k_hex[byte & 0x0F]};
  m_target.write(shown, 4);
}

void SafeTextBuf::emit_code_point(char32_t c) {
  char buffer[16];
  std::string_view shown = shown_form(c, buffer);
  if (shown.empty()) {
    m_target.write(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
  } else {
    m_target.write(shown.data(), static_cast<std::streamsize>(shown.size()));
  }
}

void SafeTextBuf::flush_pending_as_invalid() {
  std::string pending;
  pending.swap(m_pending);
  m_expected = 0;
  for (char c : pending) emit_invalid(static_cast<unsigned char>(c));
}

void SafeTextBuf::replay(std::string bytes) {
  for (char c : bytes) put(static_cast<unsigned char>(c));
}

void SafeTextBuf::put(unsigned char byte) {
  if (m_trusted_next) {
    m_trusted_next = false;
    m_target.put(static_cast<char>(byte));
    return;
  }
  if (m_in_marker) {
    const std::string& expected = marker();
    m_pending += static_cast<char>(byte);
    if (m_pending.back() != expected[m_pending.size() - 1]) {
      // Not kith's marker: the 0xFF is shown, the bytes after it are read again.
      std::string rest = m_pending.substr(1);
      m_pending.clear();
      m_in_marker = false;
      emit_invalid(k_marker_lead);
      replay(std::move(rest));
    } else if (m_pending.size() == expected.size()) {
      m_pending.clear();
      m_in_marker = false;
      m_trusted_next = true;
    }
    return;
  }
  if (m_expected > 0) {
    const LeadRule rule = lead_rule(static_cast<unsigned char>(m_pending.front()));
    const bool second = m_pending.size() == 1;
    const bool fits = second ? byte >= rule.low && byte <= rule.high : (byte & 0xC0) == 0x80;
    if (!fits) {
      flush_pending_as_invalid();
      put(byte);
      return;
    }
    m_pending += static_cast<char>(byte);
    if (m_pending.size() == m_expected) {
      emit_code_point(decode(m_pending));
      m_pending.clear();
      m_expected = 0;
    }
    return;
  }
  if (byte < 0x80) {
    char buffer[4];
    std::string_view shown = shown_form(byte, buffer);
    if (shown.empty()) {
      m_target.put(static_cast<char>(byte));
    } else {
      m_target.write(shown.data(), static_cast<std::streamsize>(shown.size()));
    }
    return;
  }
  if (byte == k_marker_lead) {
    m_in_marker = true;
    m_pending.assign(1, static_cast<char>(byte));
    return;
  }
  const LeadRule rule = lead_rule(byte);
  if (rule.length == 0) {
    emit_invalid(byte);
    return;
  }
  m_pending.assign(1, static_cast<char>(byte));
  m_expected = rule.length;
}

void SafeTextBuf::finish() {
  if (m_in_marker) {
    std::string rest = m_pending.substr(1);
    m_pending.clear();
    m_in_marker = false;
    emit_invalid(k_marker_lead);
    replay(std::move(rest));
  }
  if (m_expected > 0) flush_pending_as_invalid();
  m_trusted_next = false;
}

SafeTextBuf::int_type SafeTextBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  put(static_cast<unsigned char>(traits_type::to_char_type(ch)));
  return m_target ? ch : traits_type::eof();
}

std::streamsize SafeTextBuf::xsputn(const char* text, std::streamsize size) {
  std::streamsize i = 0;
  while (i < size) {
    if (!m_pending.empty() || m_trusted_next || !plain(text[i])) {
      put(static_cast<unsigned char>(text[i++]));
      continue;
    }
    std::streamsize run = i;
    while (run < size && plain(text[run])) ++run;
    m_target.write(text + i, run - i);
    i = run;
  }
  return m_target ? size : 0;
}

// A sequence may continue in the next write, so what is pending stays pending; finish() ends it.
int SafeTextBuf::sync() {
  m_target.flush();
  return m_target ? 0 : -1;
}

std::string neutralised(std::string_view text) {
  std::ostringstream out;
  {
    SafeStream safe(out);
    safe << text;
    safe.finish();
  }
  return out.str();
}

}  // namespace kith::render
