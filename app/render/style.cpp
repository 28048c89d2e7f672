#include "render/style.hpp"

#include "render/safe_stream.hpp"

namespace kith::render {

std::string paint(std::string_view text, Paint how, bool color) {
  if (!color) return std::string(text);
  const char* code = "";  // written after kith's own ESC (see render/safe_stream.hpp)
  switch (how) {
    case Paint::bold:
      code = "[1m";
      break;
    case Paint::dim:
      code = "[2m";
      break;
    case Paint::red:
      code = "[31m";
      break;
    case Paint::yellow:
      code = "[33m";
      break;
  }
  const std::string escape = trusted('\x1b');
  return escape + code + std::string(text) + escape + "[0m";
}

}  // namespace kith::render
