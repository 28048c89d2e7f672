#include "kith/formats/vcard_property.hpp"

#include <utility>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith::vcard {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes quoted-printable (RFC 2045); a '=' ending the value is a soft line break's remnant.
std::string decode_quoted_printable(std::string_view text, std::size_t number) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 == text.size()) break;
    const int high = hex_digit(text[i + 1]);
    const int low = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      fail("bad quoted-printable sequence " + quote_for_message(text.substr(i, 3)) +
           on_line(number));
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

// The charset's name without case, '-' or '_', so "ISO-8859-1" and "iso_8859_1" compare equal.
std::string charset_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c != '-' && c != '_') key += ascii_upper(std::string_view(&c, 1));
  }
  return key;
}

// The value of a content line as UTF-8: quoted-printable decoded and ISO-8859-1 converted.
std::string decode_value(std::string_view raw, const Head& head, std::size_t number) {
  const std::string encoding = ascii_upper(param(head.params, "ENCODING"));
  std::string bytes;
  if (encoding.empty() || encoding == "8BIT" || encoding == "7BIT") {
    bytes = raw;
  } else if (encoding == "QUOTED-PRINTABLE") {
    bytes = decode_quoted_printable(raw, number);
  } else {
    fail("unsupported ENCODING " + quote_for_message(encoding) + on_line(number));
  }
  const std::string charset = param(head.params, "CHARSET");
  const std::string key = charset_key(charset);
  if (key == "ISO88591" || key == "LATIN1") {
    bytes = latin1_to_utf8(bytes);
  } else if (!key.empty() && key != "UTF8" && key != "USASCII" && key != "ASCII") {
    fail("unsupported CHARSET " + quote_for_message(charset) + on_line(number) +
         " (kith reads UTF-8 and ISO-8859-1)");
  }
  if (const auto bad = invalid_utf8_at(bytes)) {
    const std::size_t from = *bad > 20 ? *bad - 20 : 0;
    const std::string after =
        *bad > 0 ? ", after " + quote_for_message(bytes.substr(from, *bad - from)) : "";
    fail("invalid UTF-8 in " + head.name + on_line(number) + after + " (save the file as UTF-8)");
  }
  // A NUL is not text (a name would lose it silently); CSV and JSON Lines refuse it too.
  if (bytes.find('\0') != std::string::npos) {
    fail("NUL byte in " + head.name + on_line(number) + " (not text)");
  }
  return bytes;
}

Head head_of(const ContentLine& parts) {
  std::string_view name = parts.name;
  if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    name.remove_prefix(dot + 1);
  }
  return {ascii_upper(name), parse_params(parts.params)};
}

}  // namespace

bool Head::binary() const {
  const std::string encoding = ascii_upper(param(params, "ENCODING"));
  return encoding == "B" || encoding == "BASE64";
}

bool Head::quoted_printable() const {
  return equals_nocase(param(params, "ENCODING"), "QUOTED-PRINTABLE");
}

std::optional<Head> parse_head(std::string_view line) {
  const std::optional<ContentLine> parts = split_content_line(line);
  if (!parts) return std::nullopt;
  return head_of(*parts);
}

Property parse_property(std::string_view line, std::size_t number) {
  const std::optional<ContentLine> parts = split_content_line(line);
  if (!parts) {
    fail("expected NAME:VALUE" + on_line(number) + ", found " + quote_for_message(line) +
         " (continuation lines must start with a space)");
  }
  Head head = head_of(*parts);
  std::string value = decode_value(parts->value, head, number);
  return {number, std::move(head.name), std::move(head.params), std::move(value)};
}

std::string without_chars(std::string_view text, std::string_view chars) {
  std::string out;
  for (const char c : text) {
    if (chars.find(c) == std::string_view::npos) out.push_back(c);
  }
  return out;
}

std::string on_line(std::size_t number) { return " on line " + std::to_string(number); }

void fail(const std::string& message) { throw Error(ErrorKind::invalid_data, message); }

}  // namespace kith::vcard
