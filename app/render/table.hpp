// Aligned text tables for the terminal. Names come in every script, so columns are padded by
// the columns a terminal draws, not by bytes; scripts get a plain tab-separated form instead.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kith::render {

// The number of terminal columns `utf8` occupies once render/safe_stream.cpp has shown it: 2
// for East Asian wide and fullwidth characters, 0 for combining marks and variation selectors,
// the width of the visible form for controls (^[), bidi controls (<U+202E>) and bytes that
// are not UTF-8 (\xFF), none for kith's own colour sequences, else 1.
std::size_t display_width(std::string_view utf8);

// `text` followed by spaces up to `width` terminal columns (at least one space).
std::string pad(const std::string& text, std::size_t width);

// `text` kept on one line: newlines and tabs become spaces.
std::string one_line(std::string text);

// A count with thousands separated by commas: "1,204".
std::string thousands(long long n);

// The terminal width tables written to `out` must fit (0: no limit, the default). Set on the
// stream a person reads when it is a terminal; pipes, --plain and --json never set it.
void set_terminal_width(std::ostream& out, std::size_t columns);
std::size_t terminal_width(std::ostream& out);

// `text` cut to at most `width` terminal columns, ending in "…" when it was cut.
std::string shorten(std::string_view text, std::size_t width);

// Which side of its column a cell sits on; numbers read best aligned right.
enum class Align { left, right };

// How a table is drawn: with a header line or not, and whether that header is bold.
struct Style {
  bool header = true;
  bool color = false;
};

// A table of one-line text cells, drawn with columns two spaces apart.
class Table {
 public:
  // Starts a table with these column headers, which also fix the number of columns.
  explicit Table(std::vector<std::string> headers);

  // Appends a row; throws std::invalid_argument unless it has one cell per column.
  void add_row(std::vector<std::string> row);

  // Aligns `column` (counted from 0); throws std::out_of_range for a column the table lacks.
  void set_align(std::size_t column, Align align);

  // Marks `column` as free text (a name, a note, a place) that render may shorten with "…" to
  // fit the terminal width set on its stream; the widest free-text column is shortened first.
  void set_free_text(std::size_t column);

  // Draws the table padded to line up, without trailing spaces, fitted to the stream's terminal
  // width (set_terminal_width) by shortening free-text columns; draws nothing if it has no rows.
  void render(std::ostream& out, const Style& style = {}) const;

  // Draws the table for grep, awk and cut: cells separated by one tab, no padding, no colour,
  // the header line only if `header`; draws nothing if it has no rows. Cells are already one
  // line each (add_row turns their tabs and newlines into spaces).
  void render_plain(std::ostream& out, bool header) const;

 private:
  using Row = std::vector<std::string>;

  // Writes one row padded to `widths`, followed by a newline.
  void render_row(std::ostream& out, const Row& row, const std::vector<std::size_t>& widths,
                  bool bold) const;

  // Writes one row's cells separated by tabs, followed by a newline.
  static void render_plain_row(std::ostream& out, const Row& row);

  // Narrows free-text columns, always the widest, until the table fits `limit` columns or each
  // is as narrow as its header (and at least a few characters).
  void fit(std::vector<std::size_t>& widths, std::size_t limit, bool header) const;

  Row m_headers;
  std::vector<Align> m_align;
  std::vector<bool> m_free_text;
  std::vector<Row> m_rows;
};

}  // namespace kith::render
