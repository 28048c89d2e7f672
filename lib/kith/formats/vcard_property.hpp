// One vCard property as the card reader needs it: its name and parameters, known as soon as
// the first physical line is read (to decide whether the rest of the property is worth
// keeping), and its value as UTF-8 once the transfer encoding and charset of vCard 2.1 are
// undone. Private to the vCard reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/formats/content_line.hpp"

namespace kith::vcard {

// A content line's name, its group prefix ("item1.") dropped and upper-cased, and parameters.
struct Head {
  std::string name;
  std::vector<ContentParam> params;

  bool binary() const;            // ENCODING=B or BASE64: a photo or a key
  bool quoted_printable() const;  // ENCODING=QUOTED-PRINTABLE: '=' at the end breaks softly
};

// The head of `line`; nullopt while its colon has not been read.
std::optional<Head> parse_head(std::string_view line);

// One property of a card with its value's transfer encoding and charset undone: UTF-8 text,
// still escaped.
struct Property {
  std::size_t line = 0;
  std::string name;
  std::vector<ContentParam> params;
  std::string value;
};

// Throws invalid_data for a line that is not NAME:VALUE, an encoding or charset kith does not
// read, bad quoted-printable, and a value that is not UTF-8 text.
Property parse_property(std::string_view line, std::size_t number);

// `text` without any of `chars` (a basic-form date or timestamp from an extended one).
std::string without_chars(std::string_view text, std::string_view chars);

// " on line N", the end of a message about line N.
std::string on_line(std::size_t number);

// Throws invalid_data with `message`.
[[noreturn]] void fail(const std::string& message);

}  // namespace kith::vcard
