// A file a reader refuses, with the line to point at: readers know lines, not file names, so
// the caller that knows the name turns it into "FILE:LINE: message". One type for every format.
#pragma once

#include <algorithm>
#include <climits>
#include <cstddef>
#include <string>

#include "kith/error.hpp"

namespace kith {

// A malformed file or record. what() is a one-line, lower-case message without "FILE:LINE: ";
// line() is the 1-based physical line to point at (where an unclosed quote opened, where a bad
// byte is). It is an invalid_data Error, so it exits 65 even if it escapes without the file name.
class ParseError : public Error {
 public:
  ParseError(int line, const std::string& message)
      : Error(ErrorKind::invalid_data, message), m_line(line) {}

  // A line past INT_MAX is shown as INT_MAX.
  ParseError(std::size_t line, const std::string& message)
      : ParseError(static_cast<int>(std::min<std::size_t>(line, INT_MAX)), message) {}

  int line() const noexcept { return m_line; }

 private:
  int m_line;
};

}  // namespace kith
