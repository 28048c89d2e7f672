#include "text_gate.hpp"

#include <algorithm>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith::cli {

void require_utf8_arguments(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto bad = invalid_utf8_at(args[i]);
    if (!bad) continue;
    std::string what = "argument " + std::to_string(i + 1);
    std::string arg = args[i];
    if (arg.size() > 2 && arg.compare(0, 2, "--") == 0 && arg.find('=') != std::string::npos &&
        arg.find('=') < *bad) {
      what = arg.substr(0, arg.find('='));
      arg = arg.substr(arg.find('=') + 1);
    } else if (i > 0 && args[i - 1].size() > 1 && args[i - 1].front() == '-' &&
               args[i - 1] != "--" && args[i - 1].find('=') == std::string::npos) {
      what = args[i - 1];
    }
    throw Error(ErrorKind::usage,
                what + " " + quote_for_message(arg) + " is not valid UTF-8 (byte " +
                    std::to_string(*invalid_utf8_at(arg) + 1) + "); kith keeps text as UTF-8");
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
