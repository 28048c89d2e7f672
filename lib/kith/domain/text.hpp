// Small string helpers shared by the rules, the storage and the file formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// Removes ASCII whitespace from both ends.
std::string_view trim(std::string_view text);

// Collapses each run of ASCII whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view text);

// Lower-cases ASCII letters only; other bytes are kept.
std::string ascii_lower(std::string_view text);

// Upper-cases ASCII letters only; other bytes are kept.
std::string ascii_upper(std::string_view text);

// A byte as two upper-case hexadecimal digits: "0A" (percent-encoding, "U+00XX").
inline std::string hex_byte(unsigned char byte) {
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  return {k_hex[byte >> 4], k_hex[byte & 0xF]};
}

// True when `a` and `b` are equal, ignoring ASCII case.
bool equals_nocase(std::string_view a, std::string_view b);

// True when `text` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

// True for the second and later bytes of a UTF-8 sequence, where a line must not be cut.
inline bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `text` in single quotes for an error message: cut to about `max_bytes` on a character
// boundary (with "..."), with control characters and bytes that are not UTF-8 shown as '?',
// so a message quoting a hostile file is still one clean line.
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 40);

// The byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included), or nullopt when all of `text` is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

}  // namespace kith
