#include "kith/util/uid.hpp"

#include <uuid/uuid.h>

namespace kith {

std::string new_uid() {
  uuid_t raw;
  uuid_generate_random(raw);
  char text[37];
  uuid_unparse_lower(raw, text);
  return text;
}

}  // namespace kith
