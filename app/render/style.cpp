#include "render/style.hpp"

#include "render/safe_stream.hpp"

namespace kith::render {

std::string paint(std::string_view text, Paint how, bool color) {
  if (!color) return std::string(text);
  const char* code = "";  // written after k_escape, which the output turns into ESC
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
  return k_escape + (code + std::string(text)) + k_escape + "[0m";
}

}  // namespace kith::render
