#include "text_gate.hpp"

#include <algorithm>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith::cli {

void require_utf8_values(const std::vector<GivenValue>& values) {
  for (const auto& given : values) {
    const auto bad = invalid_utf8_at(given.value);
    if (!bad) continue;
    throw Error(ErrorKind::usage, given.option + " " + quote_for_message(given.value) +
                                      " is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
                                      "); kith keeps text as UTF-8");
  }
}

void require_utf8_text(std::string_view text, const std::string& source) {
  const auto bad = invalid_utf8_at(text);
  if (!bad) return;
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
  throw Error(ErrorKind::invalid_data, source + " is not valid UTF-8 (line " +
                                           std::to_string(line) +
                                           "; save it as UTF-8); nothing was changed");
}

}  // namespace kith::cli
