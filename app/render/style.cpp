#include "render/style.hpp"

namespace kith::render {

std::string paint(std::string_view text, Paint how, bool color) {
  if (!color) return std::string(text);
  const char* code = "";
  switch (how) {
    case Paint::bold:
      code = "\x1b[1m";
      break;
    case Paint::dim:
      code = "\x1b[2m";
      break;
    case Paint::red:
      code = "\x1b[31m";
      break;
    case Paint::yellow:
      code = "\x1b[33m";
      break;
  }
  return code + std::string(text) + "\x1b[0m";
}

}  // namespace kith::render
