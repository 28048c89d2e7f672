// RFC 4180 CSV, the format address books and spreadsheets exchange contacts in. The reader
// streams one record at a time, so memory is bounded by the largest record (and by the limits
// below), never by the file; the writer quotes what needs quoting and defuses spreadsheet
// formulas.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "kith/formats/parse_error.hpp"

namespace kith {

// What one record may hold: a hostile file cannot make the reader keep more than this at once.
inline constexpr std::size_t k_max_csv_field_bytes = std::size_t{1} << 20;
inline constexpr std::size_t k_max_csv_record_bytes = std::size_t{4} << 20;
inline constexpr std::size_t k_max_csv_fields = 10'000;

// What csv_field defuses: a spreadsheet may run a cell starting with one of these as a formula.
inline constexpr std::string_view k_csv_formula_starts = "=+-@\t\r";

// Splits a byte stream into records of fields. Accepts CRLF, LF or a lone CR between records
// and a last record without a line break; skips a UTF-8 BOM; fields may be quoted, holding
// separators, doubled quotes and line breaks (kept as written). As a courtesy to hand-written
// files, spaces between a separator and a quoted field, or after its closing quote, are
// dropped. Every field is checked to be UTF-8 without NUL bytes.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in);

  // Reads the next record into `fields` (an empty line is one empty field); false at the end of
  // the input. Throws ParseError for a malformed record once all of it has been consumed, so the
  // next call carries on with the record after it.
  bool next(std::vector<std::string>& fields);

  // The physical line the last record read (or refused) starts on; 0 before the first.
  int line() const { return m_record_line; }

 private:
  int get();
  int peek();
  void count_line_break();

  std::streambuf* m_buf;
  std::string m_start;  // the first bytes of the input when they are not a BOM, to read first
  std::size_t m_start_at = 0;
  int m_line = 1;  // the physical line of the next byte
  int m_record_line = 0;
};

// One field as written by write_csv_row: quoted when it holds a separator, a quote, a line
// break, leading/trailing spaces or a leading BOM, and, when it starts with = + - @ TAB or CR,
// prefixed with ' and quoted so that a spreadsheet shows it as text instead of running it (OWASP
// CSV injection).
std::string csv_field(std::string_view value);

// Writes one record: the fields as csv_field makes them, joined by commas, ending in CRLF.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace kith
