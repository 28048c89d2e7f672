#include "kith/domain/event.hpp"

#include <charconv>

#include "kith/domain/text.hpp"

namespace kith {

std::string format_time(std::chrono::minutes time) {
  auto hours = static_cast<int>(time.count() / 60);
  auto minutes = static_cast<int>(time.count() % 60);
  return {static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10), ':',
          static_cast<char>('0' + minutes / 10), static_cast<char>('0' + minutes % 10)};
}

std::optional<std::chrono::minutes> parse_time(std::string_view text) {
  text = trim(text);
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = 0;
  int minutes = 0;
  auto h = std::from_chars(text.data(), text.data() + colon, hours);
  auto m = std::from_chars(text.data() + colon + 1, text.data() + text.size(), minutes);
  if (h.ec != std::errc() || h.ptr != text.data() + colon || m.ec != std::errc() ||
      m.ptr != text.data() + text.size() || hours > 23 || minutes > 59 || hours < 0 ||
      minutes < 0) {
    return std::nullopt;
  }
  return std::chrono::minutes{hours * 60 + minutes};
}

}  // namespace kith
