// kith keeps days, not times. People still type "tomorrow 3pm" or "fri at 10:30"; this finds
// the time in such a WHEN so the refusal can say so and offer the day on its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kith {

// For normalized lower-case text (words separated by one space) that names a time of day
// ("3pm", "3 pm", "10:30", "at 9", "noon", "evening"): the other words, which may be empty.
// nullopt when no word names a time.
std::optional<std::string> without_time_of_day(std::string_view text);

}  // namespace kith
