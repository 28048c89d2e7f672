#include "kith/formats/content_line.hpp"

#include <algorithm>
#include <istream>
#include <streambuf>
#include <utility>

#include "kith/domain/text.hpp"

namespace kith {

namespace {

constexpr auto npos = std::string_view::npos;

bool is_encoding_name(std::string_view value) {
  return equals_nocase(value, "QUOTED-PRINTABLE") || equals_nocase(value, "BASE64") ||
         equals_nocase(value, "8BIT") || equals_nocase(value, "7BIT");
}

}  // namespace

std::optional<ContentLine> split_content_line(std::string_view line) {
  bool quoted = false;
  for (std::size_t colon = 0; colon < line.size(); ++colon) {
    if (line[colon] == '"') quoted = !quoted;
    if (line[colon] != ':' || quoted) continue;
    const std::size_t name_end = std::min(line.find(';'), colon);
    return ContentLine{line.substr(0, name_end), line.substr(name_end, colon - name_end),
                       line.substr(colon + 1)};
  }
  return std::nullopt;
}

std::vector<ContentParam> parse_params(std::string_view params) {
  std::vector<ContentParam> out;
  std::size_t i = 0;
  while (i < params.size()) {
    std::size_t j = i + 1;
    bool quoted = false;
    for (; j < params.size() && (quoted || params[j] != ';'); ++j) {
      if (params[j] == '"') quoted = !quoted;
    }
    const std::string_view piece = params.substr(i + 1, j - i - 1);
    const std::size_t equals = piece.find('=');
    std::string value;
    for (const char c : equals == npos ? piece : piece.substr(equals + 1)) {
      if (c != '"') value.push_back(c);
    }
    std::string key = equals != npos            ? ascii_upper(trim(piece.substr(0, equals)))
                      : is_encoding_name(value) ? "ENCODING"
                                                : "TYPE";
    out.push_back({std::move(key), std::move(value)});
    i = j;
  }
  return out;
}

std::string param(const std::vector<ContentParam>& params, std::string_view key) {
  for (const ContentParam& p : params) {
    if (p.key == key) return p.value;
  }
  return "";
}

std::string unescape_text(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c == '\\' && i + 1 < escaped.size()) {
      c = escaped[++i];
      if (c == 'n' || c == 'N') c = '\n';
    }
    if (c == '\r') {
      if (i + 1 < escaped.size() && escaped[i + 1] == '\n') ++i;
      c = '\n';
    }
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
    out.push_back(c);
  }
  return out;
}

PhysicalLineReader::PhysicalLineReader(std::istream& in, std::size_t max_bytes,
                                       bool controls_as_spaces)
    : m_buf(in.rdbuf()), m_max_bytes(max_bytes), m_controls_as_spaces(controls_as_spaces) {}

bool PhysicalLineReader::peek() {
  if (!m_has_ahead) m_has_ahead = read();
  return m_has_ahead;
}

bool PhysicalLineReader::read() {
  using Traits = std::streambuf::traits_type;
  m_ahead.clear();
  m_too_long = false;
  m_has_nul = false;
  if (m_buf == nullptr) return false;
  int c = m_buf->sbumpc();
  if (Traits::eq_int_type(c, Traits::eof())) return false;
  ++m_number;
  for (; !Traits::eq_int_type(c, Traits::eof()) && c != '\n' && c != '\r'; c = m_buf->sbumpc()) {
    if (c == 0 && !m_too_long) m_has_nul = true;
    if (m_ahead.size() == m_max_bytes) {
      m_too_long = true;
    } else if (m_controls_as_spaces && c != 0 && ((c < 0x20 && c != '\t') || c == 0x7F)) {
      m_ahead.push_back(' ');
    } else {
      m_ahead.push_back(static_cast<char>(c));
    }
  }
  // CR LF, a lone CR and the CR CR LF of a twice-converted file all end one line.
  while (c == '\r' && (m_buf->sgetc() == '\r' || m_buf->sgetc() == '\n')) c = m_buf->sbumpc();
  if (m_number == 1 && m_ahead.starts_with("\xEF\xBB\xBF")) m_ahead.erase(0, 3);
  return true;
}

}  // namespace kith
