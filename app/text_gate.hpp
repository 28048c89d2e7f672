// kith stores text only as UTF-8. What a person types (arguments, the editor) is checked here,
// before any command runs or anything is stored; files are checked by their readers (formats/),
// which name FILE:LINE. Text that is not UTF-8 is refused, never stored and changed later.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::cli {

// A value given on the command line, with the option (or positional argument) it was given to.
struct GivenValue {
  std::string option;  // "--note", "NAME"
  std::string value;
};

// Throws Error(usage) for the first value that is not UTF-8, naming its option: "--note
// 'caf?' is not valid UTF-8 (byte 4); ...". File and directory names are not given here: a
// path may be any bytes.
void require_utf8_values(const std::vector<GivenValue>& values);

// Throws Error(invalid_data) when `text` is not UTF-8, naming `source` ("the note from the
// editor") and the line of the first bad byte.
void require_utf8_text(std::string_view text, const std::string& source);

}  // namespace kith::cli
