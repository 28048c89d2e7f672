// The line syntax vCard and iCalendar share: physical lines, NAME;KEY=value:VALUE, parameters
// and TEXT escapes.
#include "kith/formats/content_line.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kith {
namespace {

std::vector<std::string> physical_lines(const std::string& text, std::size_t max_bytes = 100) {
  std::istringstream in(text);
  PhysicalLineReader reader(in, max_bytes, false);
  std::vector<std::string> lines;
  while (reader.peek()) {
    lines.push_back(reader.ahead());
    reader.take();
  }
  return lines;
}

TEST(ContentLineTest, SplitsAtTheFirstColonOutsideQuotes) {
  const auto line = split_content_line(R"(item1.URL;TYPE="a:b";X=1:https://example.com)");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->name, "item1.URL");
  EXPECT_EQ(line->params, R"(;TYPE="a:b";X=1)");
  EXPECT_EQ(line->value, "https://example.com");
  EXPECT_FALSE(split_content_line(R"(NOTE;X="no:end)"));
}

TEST(ContentLineTest, ParsesParametersWithQuotesAndBareValues) {
  const std::vector<ContentParam> params = parse_params(R"(;tzid="Europe/Berlin";CELL;qp=1;8BIT)");
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(param(params, "TZID"), "Europe/Berlin");
  EXPECT_EQ(param(params, "TYPE"), "CELL");
  EXPECT_EQ(param(params, "QP"), "1");
  EXPECT_EQ(param(params, "ENCODING"), "8BIT");
  EXPECT_EQ(param(params, "CHARSET"), "");
}

TEST(ContentLineTest, UnescapesText) {
  EXPECT_EQ(unescape_text(R"(a\, b\; c\\d\nE\N\:)"), "a, b; c\\d\nE\n:");
  EXPECT_EQ(unescape_text("tab\there\x01 end\\"), "tab\there  end\\");
  EXPECT_EQ(unescape_text("one\r\ntwo\rthree"), "one\ntwo\nthree");
}

TEST(ContentLineTest, ReadsEveryKindOfLineBreakAndDropsABom) {
  EXPECT_EQ(physical_lines("\xEF\xBB\xBF"
                           "a\r\nb\nc\rd\r\r\ne"),
            (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(physical_lines("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
}

TEST(ContentLineTest, MarksALongLineAndANulByte) {
  std::istringstream in(std::string("abcdef\nx\0y\n z", 13));
  PhysicalLineReader reader(in, 4, true);
  ASSERT_TRUE(reader.peek());
  EXPECT_EQ(reader.ahead(), "abcd");
  EXPECT_TRUE(reader.too_long());
  reader.take();
  ASSERT_TRUE(reader.peek());
  EXPECT_TRUE(reader.has_nul());
  EXPECT_FALSE(reader.too_long());
  EXPECT_FALSE(reader.folded());
  reader.take();
  ASSERT_TRUE(reader.peek());
  EXPECT_TRUE(reader.folded());
  EXPECT_EQ(reader.number(), 3u);
  reader.take();
  EXPECT_FALSE(reader.peek());
}

}  // namespace
}  // namespace kith
