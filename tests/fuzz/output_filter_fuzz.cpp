// libFuzzer target for the output filter (app/render/safe_stream.cpp): any bytes, written in two
// pieces split where the input says, leave it as valid UTF-8 with no C0 control (but newline
// and tab), no DEL, no C1 control and no bidirectional or zero-width character; only kith's
// own trusted() controls, written around the data, reach the output as themselves.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "render/safe_stream.hpp"

namespace {

bool forbidden(UChar32 c) {
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Traps unless `text` is valid UTF-8 holding no forbidden code point.
void check(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || forbidden(c)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t split = data[0] % size;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::ostringstream out;
  {
    kith::render::SafeStream safe(out);
    safe << input.substr(0, split) << std::flush << input.substr(split);
    safe.finish();
  }
  check(out.str());
  // kith's own escape around the data: exactly one ESC before and one after, no other.
  std::ostringstream framed;
  {
    kith::render::SafeStream safe(framed);
    safe << kith::render::trusted('\x1b') << "[1m" << input << kith::render::trusted('\x1b')
         << "[0m";
    safe.finish();
  }
  const std::string shown = framed.str();
  if (shown.rfind("\x1b[1m", 0) != 0 || shown.size() < 8) __builtin_trap();
  if (shown.compare(shown.size() - 4, 4, "\x1b[0m") != 0) __builtin_trap();
  check(shown.substr(4, shown.size() - 8));
  return 0;
}
