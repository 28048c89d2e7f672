// Every record carries a random UUID, stable across machines, so exports can be merged.
#pragma once

#include <string>

namespace kith {

// A new random (version 4) UUID in lower-case text form.
std::string new_uid();

}  // namespace kith
