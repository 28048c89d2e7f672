// Turns SQLite's failures into kith's error kinds, with a message for a person, so nothing
// above the storage layer ever sees SQLiteCpp.
#pragma once

#include <string>

#include "kith/error.hpp"

namespace SQLite {
class Exception;
}

namespace kith {

// The kith error for an SQLite failure while using the journal `journal_name`.
Error translate_sqlite_error(const SQLite::Exception& e, const std::string& journal_name);

}  // namespace kith
