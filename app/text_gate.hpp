// kith stores text only as UTF-8. What a person types (arguments, the editor) is checked here,
// before any command runs or anything is stored; files are checked by their readers (formats/),
// which name FILE:LINE. Text that is not UTF-8 is refused, never stored and changed later.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::cli {

// Throws Error(usage) for the first argument that is not UTF-8, naming the option it was
// given to ("--note 'caf?'...") or its position.
void require_utf8_arguments(const std::vector<std::string>& args);

// Throws Error(invalid_data) when `text` is not UTF-8, naming `source` ("the note from the
// editor") and the line of the first bad byte.
void require_utf8_text(std::string_view text, const std::string& source);

}  // namespace kith::cli
