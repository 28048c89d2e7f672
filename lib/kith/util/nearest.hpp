// The word a person most likely meant when they typed one kith does not know ("lgo" for
// "log", "--fromat" for "--format"), so an error can say "did you mean ...?".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// The number of single-character insertions, deletions, substitutions and swaps of two
// neighbours that turn `a` into `b` (optimal string alignment distance), by bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `typed`, if one is close enough to be a typo: at most one edit for
// words of up to four characters, two for longer ones, and not tied with another candidate.
std::optional<std::string> nearest(std::string_view typed,
                                   const std::vector<std::string>& candidates);

}  // namespace kith
