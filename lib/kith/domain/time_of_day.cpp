#include "kith/domain/time_of_day.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace kith {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

constexpr std::array<std::string_view, 4> k_meridiems = {"am", "pm", "a.m.", "p.m."};

bool is_meridiem(std::string_view word) {
  return std::find(k_meridiems.begin(), k_meridiems.end(), word) != k_meridiems.end();
}

// "3pm", "3:30pm", "10:30", "15:00", "noon", "evening" and the like.
bool is_time(std::string_view word) {
  constexpr std::array<std::string_view, 7> k_parts = {
      "noon", "midnight", "morning", "afternoon", "evening", "tonight", "night"};
  if (std::find(k_parts.begin(), k_parts.end(), word) != k_parts.end()) return true;
  for (std::string_view meridiem : k_meridiems) {
    if (word.size() > meridiem.size() && word.ends_with(meridiem)) {
      word.remove_suffix(meridiem.size());
      return word.find_first_not_of("0123456789:") == std::string_view::npos && word[0] != ':';
    }
  }
  const std::size_t colon = word.find(':');
  return colon != std::string_view::npos && colon > 0 && colon <= 2 &&
         all_digits(word.substr(0, colon)) && all_digits(word.substr(colon + 1));
}

}  // namespace

std::optional<std::string> without_time_of_day(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<bool> timed(words.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool next = i + 1 < words.size();
    // "3 pm" is a time in two words; "at 9" and "at 9:30" name an hour.
    if (is_time(words[i]) || is_meridiem(words[i]) ||
        (all_digits(words[i]) && next && is_meridiem(words[i + 1])) ||
        (i > 0 && words[i - 1] == "at" && all_digits(words[i]) && words[i].size() <= 2)) {
      timed[i] = any = true;
    }
  }
  if (!any) return std::nullopt;
  std::string rest;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool at_a_time = words[i] == "at" && i + 1 < words.size() && timed[i + 1];
    if (timed[i] || at_a_time) continue;
    if (!rest.empty()) rest += ' ';
    rest += words[i];
  }
  return rest;
}

}  // namespace kith
