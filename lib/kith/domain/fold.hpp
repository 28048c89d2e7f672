// Search keys for names. People type "jose" and expect to find "José", or "soren" for
// "Søren", so names are matched by a folded key rather than as they were typed.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// Returns the key under which `utf8` matches case- and accent-insensitively: case-folded,
// accents removed, Latin letters such as ø, ł, ß and æ spelled out (o, l, ss, ae), other
// scripts kept, whitespace runs collapsed to one space and trimmed; invalid UTF-8 becomes
// U+FFFD. ASCII input never touches ICU.
std::string fold(std::string_view utf8);

// The key a name reference is matched under, from a folded key: punctuation is ignored, so
// apostrophes vanish ("o'brien" is "obrien") and other ASCII punctuation separates words
// ("jean-luc" is "jean luc"); whitespace runs collapse to one space.
std::string reference_key(std::string_view folded);

}  // namespace kith
