#include "kith/formats/csv.hpp"

#include <algorithm>
#include <climits>
#include <istream>
#include <optional>
#include <ostream>
#include <streambuf>
#include <utility>

#include "kith/domain/text.hpp"

namespace kith {

namespace {

using Traits = std::streambuf::traits_type;

constexpr int k_eof = Traits::eof();
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

bool is_blank(int c) { return c == ' ' || c == '\t'; }

bool ends_field(int c) { return c == ',' || c == '\r' || c == '\n' || c == k_eof; }

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string field_name(std::size_t index) { return "field " + std::to_string(index + 1); }

// The first thing wrong with a record, kept while the rest of the record is consumed.
struct Problem {
  int line;
  std::string message;
};

// The line `offset` bytes into a field that starts on `first_line`, counting LF, CRLF and a
// lone CR as one break each, as the reader does.
int line_at(std::string_view field, std::size_t offset, int first_line) {
  long long line = first_line;
  for (std::size_t i = 0; i < offset; ++i) {
    if (field[i] == '\n' || (field[i] == '\r' && (i + 1 == field.size() || field[i + 1] != '\n'))) {
      ++line;
    }
  }
  return static_cast<int>(std::min<long long>(line, INT_MAX));
}

// Why a complete field cannot be read as text (invalid UTF-8, a NUL byte), if it cannot.
std::optional<Problem> text_problem(std::string_view field, std::size_t index, int first_line) {
  const std::size_t bad =
      std::min(invalid_utf8_at(field).value_or(std::string_view::npos), field.find('\0'));
  if (bad == std::string_view::npos) return std::nullopt;
  const int line = line_at(field, bad, first_line);
  if (line == 1 && index == 0 && (field.starts_with("\xFF\xFE") || field.starts_with("\xFE\xFF"))) {
    return Problem{line, "UTF-16 text (save the file as UTF-8)"};
  }
  if (field[bad] == '\0') return Problem{line, "NUL byte in " + field_name(index) + " (not text)"};
  return Problem{line, "invalid UTF-8 in " + field_name(index) + " (save the file as UTF-8)"};
}

}  // namespace

CsvReader::CsvReader(std::istream& in) : m_buf(in.rdbuf()) {
  // Reads just enough to know whether the input opens with a BOM; other bytes are read again.
  while (m_buf != nullptr && m_start.size() < k_bom.size() && k_bom.starts_with(m_start)) {
    const int c = m_buf->sbumpc();
    if (c == k_eof) break;
    m_start.push_back(static_cast<char>(c));
  }
  if (m_start == k_bom) m_start.clear();
}

int CsvReader::get() {
  if (m_start_at < m_start.size()) return static_cast<unsigned char>(m_start[m_start_at++]);
  return m_buf == nullptr ? k_eof : m_buf->sbumpc();
}

int CsvReader::peek() {
  if (m_start_at < m_start.size()) return static_cast<unsigned char>(m_start[m_start_at]);
  return m_buf == nullptr ? k_eof : m_buf->sgetc();
}

void CsvReader::count_line_break() {
  if (m_line < INT_MAX) ++m_line;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  int c = get();
  if (c == k_eof) return false;
  m_record_line = m_line;
  // After the first problem nothing more is stored: the record is only read to its end.
  std::optional<Problem> problem;
  const auto fail = [&](int line, std::string message) {
    if (!problem) problem = Problem{line, std::move(message)};
  };
  std::size_t record_bytes = 0;
  std::string field;
  for (std::size_t index = 0;; ++index) {
    field.clear();
    const int field_line = m_line;
    const auto store = [&](int byte) {
      if (problem) return;
      if (field.size() == k_max_csv_field_bytes) {
        fail(field_line, field_name(index) + " is longer than " + mib(k_max_csv_field_bytes));
      } else if (record_bytes + field.size() == k_max_csv_record_bytes) {
        fail(m_record_line, "record is longer than " + mib(k_max_csv_record_bytes));
      } else {
        field.push_back(static_cast<char>(byte));
      }
    };
    while (!ends_field(c) && c != '"') {
      store(c);
      c = get();
    }
    if (c == '"' && field.find_first_not_of(" \t") != std::string::npos) {
      fail(m_line, "quote inside unquoted " + field_name(index) +
                       " (quote the whole field and double the quote)");
      while (!ends_field(c)) c = get();
    } else if (c == '"') {
      field.clear();  // blanks before the opening quote
      const int quote_line = m_line;
      for (c = get();; c = get()) {
        if (c == k_eof) {
          fail(m_record_line,
               "unterminated quote: the quote opening " + field_name(index) +
                   (quote_line == m_record_line ? "" : " on line " + std::to_string(quote_line)) +
                   " is never closed");
          break;
        }
        if (c == '"') {
          if (peek() != '"') break;
          c = get();
        } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
          count_line_break();
        }
        store(c);
      }
      if (c == '"') {
        c = get();
        while (is_blank(c)) c = get();
        if (!ends_field(c) && m_line == quote_line) {
          fail(m_line, "text after the closing quote of " + field_name(index) +
                           " (a quote inside a quoted field is written twice)");
        } else if (!ends_field(c)) {
          // A quote left open swallowed the lines up to the next quote: the record to fix is
          // where it starts, not where the damage shows.
          fail(m_record_line, "the quote opening " + field_name(index) + " on line " +
                                  std::to_string(quote_line) + " is closed on line " +
                                  std::to_string(m_line) + " and text follows it, so lines " +
                                  std::to_string(m_record_line) + " to " + std::to_string(m_line) +
                                  " read as one record (a quote inside a quoted field is written "
                                  "twice)");
        }
        while (!ends_field(c)) c = get();
      }
    }
    if (!problem) {
      if (auto bad = text_problem(field, index, field_line)) problem = std::move(bad);
    }
    if (!problem && fields.size() == k_max_csv_fields) {
      fail(m_record_line, "record has more than " + std::to_string(k_max_csv_fields) + " fields");
    }
    if (!problem) {
      record_bytes += field.size();
      fields.push_back(std::move(field));
    }
    if (c != ',') break;
    c = get();
  }
  if (c == '\r' && peek() == '\n') c = get();
  if (c == '\r' || c == '\n') count_line_break();
  if (problem) throw ParseError(problem->line, problem->message);
  return true;
}

std::string csv_field(std::string_view value) {
  const bool formula =
      !value.empty() && k_csv_formula_starts.find(value.front()) != std::string::npos;
  const bool padded = !value.empty() && (is_blank(value.front()) || is_blank(value.back()));
  // Unquoted, a BOM opening the first field of a file would be taken for the file's own.
  if (!formula && !padded && !value.starts_with(k_bom) &&
      value.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(value);
  }
  std::string out = formula ? "\"'" : "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

}  // namespace kith
