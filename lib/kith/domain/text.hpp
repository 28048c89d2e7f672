// Small string helpers shared by the rules, the storage and the file formats.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// Removes ASCII whitespace from both ends.
std::string_view trim(std::string_view text);

// Lower-cases ASCII letters only; other bytes are kept.
std::string ascii_lower(std::string_view text);

// True when `text` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

}  // namespace kith
