// An event's id and name: how a list of candidates for an ambiguous event reference names
// each one.
#pragma once

#include <cstdint>
#include <string>

namespace kith {

struct EventName {
  std::int64_t id = 0;
  std::string name;
};

}  // namespace kith
