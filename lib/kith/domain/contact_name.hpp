// A contact's id and name: how every list, result and report names a person without carrying
// the whole contact.
#pragma once

#include <cstdint>
#include <string>

namespace kith {

struct ContactName {
  std::int64_t id = 0;
  std::string name;
};

}  // namespace kith
