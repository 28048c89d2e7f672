// `kith config show` as a person and a script read it: each setting, its value, and where
// that value comes from (a flag, the environment, a line of the config file, the default).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "render/json.hpp"

namespace kith::render {

struct ConfigRow {
  std::string key;
  std::string value;
  std::string source;
};

// "key  value  (source)", the keys padded to one column.
void print_config(std::ostream& out, const std::vector<ConfigRow>& rows);

// {"key": {"value": ..., "source": ...}, ...} in the rows' order.
Json to_json(const std::vector<ConfigRow>& rows);

}  // namespace kith::render
