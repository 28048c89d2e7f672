#include "render/config_view.hpp"

#include <algorithm>

namespace kith::render {

void print_config(std::ostream& out, const std::vector<ConfigRow>& rows) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.key.size());
  for (const auto& [key, value, source] : rows) {
    out << key << std::string(width - key.size(), ' ') << "  " << value << "  (" << source << ")\n";
  }
}

Json to_json(const std::vector<ConfigRow>& rows) {
  Json out = Json::object();
  for (const auto& [key, value, source] : rows) out[key] = {{"value", value}, {"source", source}};
  return out;
}

}  // namespace kith::render
