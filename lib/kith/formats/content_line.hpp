// vCard (RFC 6350) and iCalendar (RFC 5545) share one line syntax, NAME;KEY=value:VALUE, on
// physical lines folded with a leading space. This is that syntax, read once for both readers:
// physical lines (any line break, a UTF-8 BOM, a length limit), the parts of a content line,
// its parameters and TEXT escapes.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// A parameter with its key upper-cased and trimmed and its value unquoted. A bare value, as
// vCard 2.1 writes them (TEL;CELL, NOTE;QUOTED-PRINTABLE), gets the key it stands for:
// ENCODING for a transfer encoding, else TYPE.
struct ContentParam {
  std::string key;
  std::string value;
};

// A content line cut at its first colon outside double quotes: views into the line.
struct ContentLine {
  std::string_view name;    // as written, a vCard group prefix ("item1.") included
  std::string_view params;  // ";KEY=value;..." or empty
  std::string_view value;
};

// The parts of `line`; nullopt when it has no colon outside quotes.
std::optional<ContentLine> split_content_line(std::string_view line);

// Parses ";KEY=value;KEY=\"quoted;value\";BARE" into parameters.
std::vector<ContentParam> parse_params(std::string_view params);

// The first value of the parameter `key` (upper case), or "" when it is absent.
std::string param(const std::vector<ContentParam>& params, std::string_view key);

// A TEXT value as written by a person: escapes (\\ \, \; \n \N) undone (any other escaped
// character is kept without its backslash, forgiving exporters that write "\:"; a trailing
// backslash stays), line breaks made LF and other control characters made spaces.
std::string unescape_text(std::string_view text);

// Reads physical lines one ahead, so a reader can see whether the next one continues the
// current content line before taking it. Accepts CRLF, LF, a lone CR and the CR CR LF of a
// twice-converted file; drops a UTF-8 BOM at the start.
class PhysicalLineReader {
 public:
  // Bytes of a line past `max_bytes` are read but dropped, and the line is marked too long.
  // With `controls_as_spaces`, control bytes other than TAB and NUL are read as spaces.
  PhysicalLineReader(std::istream& in, std::size_t max_bytes, bool controls_as_spaces);

  // Reads the next physical line unless one is waiting; false at the end of the input.
  bool peek();
  // Marks the waiting line as used, so that peek() reads the one after it.
  void take() { m_has_ahead = false; }

  // The waiting line, without its line break, and what was found reading it.
  std::string& ahead() { return m_ahead; }
  std::size_t number() const { return m_number; }  // physical lines read so far
  bool too_long() const { return m_too_long; }
  bool has_nul() const { return m_has_nul; }  // a NUL byte before the line grew too long
  // True when the waiting line starts with a space or tab: it folds onto the line before.
  bool folded() const { return !m_ahead.empty() && (m_ahead[0] == ' ' || m_ahead[0] == '\t'); }

 private:
  bool read();

  std::streambuf* m_buf;
  std::size_t m_max_bytes;
  bool m_controls_as_spaces;
  std::string m_ahead;
  bool m_has_ahead = false;
  std::size_t m_number = 0;
  bool m_too_long = false;
  bool m_has_nul = false;
};

}  // namespace kith
