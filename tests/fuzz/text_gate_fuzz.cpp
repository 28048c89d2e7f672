// libFuzzer target for the text gate (app/text_gate.cpp): option values (the input split at
// NUL bytes) and editor text are either accepted, and then valid UTF-8 by ICU's own decoder,
// or refused with the documented error (usage for values, invalid_data for the editor).
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kith/error.hpp"
#include "text_gate.hpp"

namespace {

bool valid_utf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<kith::cli::GivenValue> args;
  std::size_t start = 0;
  for (std::size_t nul = input.find('\0'); nul != std::string::npos;
       nul = input.find('\0', start)) {
    args.push_back({"--note", input.substr(start, nul - start)});
    start = nul + 1;
  }
  args.push_back({"NAME", input.substr(start)});
  bool all_valid = true;
  for (const auto& arg : args) all_valid = all_valid && valid_utf8(arg.value);
  try {
    kith::cli::require_utf8_values(args);
    if (!all_valid) __builtin_trap();  // accepted text that is not UTF-8
  } catch (const kith::Error& e) {
    if (all_valid || e.kind() != kith::ErrorKind::usage) __builtin_trap();
    const std::string message = e.what();
    if (message.find('\n') != std::string::npos || !valid_utf8(message)) __builtin_trap();
  }
  try {
    kith::cli::require_utf8_text(input, "the note from the editor");
    if (!valid_utf8(input)) __builtin_trap();
  } catch (const kith::Error& e) {
    if (valid_utf8(input) || e.kind() != kith::ErrorKind::invalid_data) __builtin_trap();
  }
  return 0;
}
