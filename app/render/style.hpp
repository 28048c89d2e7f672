// Terminal colour, decided by the caller (terminal, NO_COLOR, TERM=dumb, --color) and applied
// here: the text is returned unchanged when colour is off.
#pragma once

#include <string>
#include <string_view>

namespace kith::render {

enum class Paint { bold, dim, red, yellow };

std::string paint(std::string_view text, Paint how, bool color);

}  // namespace kith::render
