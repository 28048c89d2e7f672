// The journal's schema history: append-only steps keyed by PRAGMA user_version. A step is
// never edited once released; a change to the schema is a new step at the end.
#pragma once

#include <span>
#include <string_view>

namespace kith {

// kith's PRAGMA application_id ("kith" in ASCII), so another program's file is refused.
inline constexpr int k_application_id = 0x6B697468;

// Step i brings the schema from version i to i + 1.
std::span<const std::string_view> migrations();

}  // namespace kith
