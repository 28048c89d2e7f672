// libFuzzer target for the configuration file: any text must either be read into settings
// whose every value is in range, or be refused with a config Error. Anything else (another
// exception, a sanitizer report, a trap below) is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "kith/error.hpp"
#include "kith/formats/config_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const kith::ConfigFile config = kith::read_config(in, "config.toml");
    if (config.due_within && (config.due_within->count < 1 || config.due_within->count > 9999)) {
      __builtin_trap();
    }
    if (config.color && *config.color != "auto" && *config.color != "always" &&
        *config.color != "never") {
      __builtin_trap();
    }
  } catch (const kith::Error& e) {
    if (e.kind() != kith::ErrorKind::config) __builtin_trap();
  }
  return 0;
}
