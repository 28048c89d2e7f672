// The one error type kith throws. Every failure a user can cause or meet is an Error with a
// kind; app/cli.cpp maps each kind to its exit code in one place.
#pragma once

#include <stdexcept>
#include <string>

namespace kith {

enum class ErrorKind {
  usage,           // a bad command-line value (WHEN, INTERVAL, option value): exit 64
  invalid_data,    // bad input data, a rule broken (blank name, duplicate email): exit 65
  ambiguous,       // a reference matches several records: exit 65
  corrupt,         // the journal is damaged or not a kith journal: exit 65
  not_found,       // the record or input file named does not exist: exit 66
  internal,        // a bug: exit 70
  cant_create,     // cannot create the data directory or an output file: exit 73
  io,              // I/O error, disk full, failed write: exit 74
  busy,            // the journal stayed locked past the timeout: exit 75
  permission,      // permission denied, read-only journal: exit 77
  config,          // bad configuration: exit 78
  schema_too_new,  // a journal written by a newer kith: exit 78
  interrupted,     // SIGINT/SIGTERM during a write: exit 130
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}

  ErrorKind kind() const noexcept { return m_kind; }

 private:
  ErrorKind m_kind;
};

}  // namespace kith
