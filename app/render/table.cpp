#include "render/table.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "kith/domain/text.hpp"
#include "render/safe_stream.hpp"
#include "render/style.hpp"

namespace kith::render {
namespace {

constexpr std::string_view k_gap = "  ";
constexpr std::string_view k_ellipsis = "\u2026";
// A free-text column is never shortened below this many columns (or its header's width).
constexpr std::size_t k_min_free_text = 8;

int terminal_width_index() {
  static const int index = std::ios_base::xalloc();
  return index;
}

// The terminal columns of one code point, as render/safe_stream.cpp shows it.
std::size_t code_point_width(UChar32 c) {
  char buffer[16];
  if (std::string_view shown = shown_form(static_cast<char32_t>(c), buffer); !shown.empty()) {
    return shown.size();
  }
  constexpr uint32_t k_invisible = U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK | U_GC_CC_MASK;
  if (U_GET_GC_MASK(c) & k_invisible) return 0;
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// The bytes of kith's own control sequence at `at` (see render::trusted), or 0 when there is
// none: the marker, the control byte, and for ESC [ the parameters up to the final byte.
std::size_t trusted_sequence(std::string_view text, std::size_t at) {
  const std::string_view marker = trusted_marker();
  const std::size_t size = marker.size();
  if (text.compare(at, size, marker) != 0 || at + size >= text.size()) return 0;
  std::size_t end = at + size + 1;
  if (text[end - 1] == '\x1b' && end < text.size() && text[end] == '[') {
    ++end;
    while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7E)) ++end;
    if (end < text.size()) ++end;
  }
  return end - at;
}

// Applies one_line to every cell of a row.
std::vector<std::string> one_line(std::vector<std::string> row) {
  for (std::string& cell : row) cell = render::one_line(std::move(cell));
  return row;
}

}  // namespace

void set_terminal_width(std::ostream& out, std::size_t columns) {
  out.iword(terminal_width_index()) = static_cast<long>(columns);
}

std::size_t terminal_width(std::ostream& out) {
  return static_cast<std::size_t>(std::max(0L, out.iword(terminal_width_index())));
}

std::string shorten(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::size_t used = 0;
  std::size_t end = 0;  // the bytes kept: whole code points up to width - 1 columns
  while (end < text.size()) {
    std::size_t next = end + 1;
    while (next < text.size() && is_utf8_continuation(text[next])) ++next;
    used += display_width(text.substr(end, next - end));
    if (used > width - 1) break;
    end = next;
  }
  std::string out(text.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();  // "Rust NYC…", not "Rust NYC …"
  return out + std::string(k_ellipsis);
}

std::string one_line(std::string cell) {
  std::replace_if(
      cell.begin(), cell.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return cell;
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t used = display_width(text);
  return text + std::string(used < width ? width - used : 1, ' ');
}

std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (auto i = static_cast<long long>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return (n < 0 ? "-" : "") + digits;
}

std::size_t display_width(std::string_view utf8) {
  const bool printable_ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) {
    return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t';
  });
  if (printable_ascii) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20; }));
  }
  std::size_t width = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] == 0xFF) {  // the first byte of kith's marker, never of UTF-8
      if (std::size_t own = trusted_sequence(utf8, static_cast<std::size_t>(i)); own > 0) {
        i += static_cast<int32_t>(own);
        continue;
      }
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // A byte that is not UTF-8 shows as \xNN.
    width += c < 0 ? 4 * static_cast<std::size_t>(i - start) : code_point_width(c);
  }
  return width;
}

Table::Table(std::vector<std::string> headers)
    : m_headers(one_line(std::move(headers))),
      m_align(m_headers.size(), Align::left),
      m_free_text(m_headers.size(), false) {}

void Table::add_row(std::vector<std::string> row) {
  if (row.size() != m_headers.size()) {
    throw std::invalid_argument("table row has " + std::to_string(row.size()) + " cells for " +
                                std::to_string(m_headers.size()) + " columns");
  }
  m_rows.push_back(one_line(std::move(row)));
}

void Table::set_align(std::size_t column, Align align) { m_align.at(column) = align; }

void Table::set_free_text(std::size_t column) { m_free_text.at(column) = true; }

void Table::fit(std::vector<std::size_t>& widths, std::size_t limit, bool header) const {
  std::size_t total = k_gap.size() * (widths.size() - 1);
  for (std::size_t w : widths) total += w;
  std::vector<std::size_t> floors(widths.size(), 0);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (m_free_text[i]) {
      floors[i] = std::max(k_min_free_text, header ? display_width(m_headers[i]) : 0);
    }
  }
  // One column at a time from the widest, so two long columns end up sharing the room.
  for (; total > limit; --total) {
    std::size_t widest = widths.size();
    for (std::size_t i = 0; i < widths.size(); ++i) {
      if (m_free_text[i] && widths[i] > floors[i] &&
          (widest == widths.size() || widths[i] > widths[widest])) {
        widest = i;
      }
    }
    if (widest == widths.size()) return;  // as narrow as it goes: the terminal wraps the rest
    --widths[widest];
  }
}

void Table::render(std::ostream& out, const Style& style) const {
  if (m_rows.empty()) return;
  std::vector<std::size_t> widths(m_headers.size(), 0);
  auto widen = [&widths](const Row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  if (style.header) widen(m_headers);
  for (const Row& row : m_rows) widen(row);
  if (const std::size_t limit = terminal_width(out); limit > 0) fit(widths, limit, style.header);

  if (style.header) render_row(out, m_headers, widths, style.color);
  for (const Row& row : m_rows) render_row(out, row, widths, false);
}

void Table::render_plain(std::ostream& out, bool header) const {
  if (m_rows.empty()) return;
  if (header) render_plain_row(out, m_headers);
  for (const Row& row : m_rows) render_plain_row(out, row);
}

void Table::render_plain_row(std::ostream& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out << '\t';
    out << row[i];
  }
  out << '\n';
}

void Table::render_row(std::ostream& out, const Row& row, const std::vector<std::size_t>& widths,
                       bool bold) const {
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += k_gap;
    std::size_t used = display_width(row[i]);
    std::string cell = row[i];
    if (used > widths[i]) {  // a free-text cell in a table fitted to the terminal
      cell = shorten(row[i], widths[i]);
      used = display_width(cell);
    }
    const std::size_t padding = widths[i] - used;
    if (m_align[i] == Align::right) line.append(padding, ' ');
    line += cell;
    if (m_align[i] == Align::left && i + 1 < row.size()) line.append(padding, ' ');
  }
  line.erase(line.find_last_not_of(' ') + 1);
  if (bold) {
    out << paint(line, Paint::bold, true) << '\n';
  } else {
    out << line << '\n';
  }
}

}  // namespace kith::render
