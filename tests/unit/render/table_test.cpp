#include "render/table.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "render/safe_stream.hpp"
#include "render/style.hpp"

namespace kith::render {
namespace {

std::string rendered(const Table& table, const Style& style = {}) {
  std::ostringstream out;
  table.render(out, style);
  return out.str();
}

std::string plain(const Table& table, bool header) {
  std::ostringstream out;
  table.render_plain(out, header);
  return out.str();
}

Table people() {
  Table table({"Name", "City", "Calls"});
  table.add_row({"José", "Lyon", "3"});
  table.add_row({"Søren", "København", "12"});
  table.add_row({"李小龙", "Hong Kong", "7"});
  return table;
}

TEST(DisplayWidthTest, AsciiCountsOneColumnPerCharacter) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("Ada Lovelace"), 12u);
}

TEST(DisplayWidthTest, AccentedLettersTakeOneColumn) {
  EXPECT_EQ(display_width("José"), 4u);
  EXPECT_EQ(display_width("Søren"), 5u);
  EXPECT_EQ(display_width("Jose\u0301"), 4u);
}

TEST(DisplayWidthTest, WideAndFullwidthTakeTwoColumns) {
  EXPECT_EQ(display_width("李小龙"), 6u);
  EXPECT_EQ(display_width("김민준"), 6u);
  EXPECT_EQ(display_width("ＡＢ"), 4u);
  EXPECT_EQ(display_width("😀"), 2u);
}

TEST(DisplayWidthTest, InvisibleCharactersTakeNoColumns) {
  EXPECT_EQ(display_width("\u2764\ufe0f"), 1u);
  EXPECT_EQ(display_width("Jose\u0301"), 4u);
  EXPECT_EQ(display_width("a\tb"), 2u);
}

// Columns line up with what the output filter writes in place of controls and bad bytes.
TEST(DisplayWidthTest, ControlsTakeTheColumnsOfTheirVisibleForm) {
  EXPECT_EQ(display_width("a\x1b"), 3u);      // a^[
  EXPECT_EQ(display_width("é\u0085"), 4u);    // é^[E
  EXPECT_EQ(display_width("a\u200db"), 10u);  // a<U+200D>b
  EXPECT_EQ(display_width("x\u202e"), 9u);    // x<U+202E>
  EXPECT_EQ(display_width("ab\xff"), 6u);     // ab\xFF
  EXPECT_EQ(display_width("\xc3"), 4u);       // \xC3
}

TEST(DisplayWidthTest, KithsOwnColoursTakeNoColumns) {
  EXPECT_EQ(display_width(paint("Ada", Paint::bold, true)), 3u);
  EXPECT_EQ(display_width(trusted('\r') + "ab"), 2u);
}

TEST(TableTest, AlignsColumnsByDisplayWidth) {
  EXPECT_EQ(rendered(people()),
            "Name    City       Calls\n"
            "José    Lyon       3\n"
            "Søren   København  12\n"
            "李小龙  Hong Kong  7\n");
}

TEST(TableTest, RightAlignsNumericColumns) {
  Table table = people();
  table.set_align(2, Align::right);
  EXPECT_EQ(rendered(table),
            "Name    City       Calls\n"
            "José    Lyon           3\n"
            "Søren   København     12\n"
            "李小龙  Hong Kong      7\n");
}

TEST(TableTest, OmitsHeaderWhenAsked) {
  Table table = people();
  EXPECT_EQ(rendered(table, Style{.header = false}),
            "José    Lyon       3\n"
            "Søren   København  12\n"
            "李小龙  Hong Kong  7\n");
}

TEST(TableTest, HeaderWidthCountsOnlyWhenShown) {
  Table table({"Description", "N"});
  table.add_row({"ab", "1"});
  EXPECT_EQ(rendered(table), "Description  N\nab           1\n");
  EXPECT_EQ(rendered(table, Style{.header = false}), "ab  1\n");
}

TEST(TableTest, BoldHeaderWhenColored) {
  Table table({"Name", "Calls"});
  table.add_row({"Ada", "3"});
  EXPECT_EQ(rendered(table, Style{.color = true}),
            trusted('\x1b') + "[1mName  Calls" + trusted('\x1b') + "[0m\nAda   3\n");
}

TEST(TableTest, NoTrailingSpacesWhenLastCellsAreEmpty) {
  Table table({"Name", "Email", "Note"});
  table.add_row({"Ada", "ada@example.org", ""});
  table.add_row({"Grace", "", ""});
  EXPECT_EQ(rendered(table),
            "Name   Email            Note\n"
            "Ada    ada@example.org\n"
            "Grace\n");
}

TEST(TableTest, NewlinesAndTabsInCellsBecomeSpaces) {
  Table table({"Name", "Note"});
  table.add_row({"Ada", "met at\nthe\tconference"});
  EXPECT_EQ(rendered(table), "Name  Note\nAda   met at the conference\n");
}

TEST(TableTest, EmptyTableRendersNothing) {
  const Table table({"Name", "City"});
  EXPECT_EQ(rendered(table), "");
  EXPECT_EQ(rendered(table, Style{.color = true}), "");
}

TEST(TableTest, RejectsRowOfWrongSize) {
  Table table({"Name", "City"});
  EXPECT_THROW(table.add_row({"Ada"}), std::invalid_argument);
  EXPECT_THROW(table.add_row({"Ada", "London", "x"}), std::invalid_argument);
  EXPECT_EQ(rendered(table), "");
}

TEST(TableTest, RejectsAlignOfMissingColumn) {
  Table table({"Name", "City"});
  EXPECT_THROW(table.set_align(2, Align::right), std::out_of_range);
}

TEST(TablePlainTest, SeparatesCellsByOneTabWithoutPaddingOrHeader) {
  Table table = people();
  table.set_align(2, Align::right);
  EXPECT_EQ(plain(table, false),
            "José\tLyon\t3\n"
            "Søren\tKøbenhavn\t12\n"
            "李小龙\tHong Kong\t7\n");
}

TEST(TablePlainTest, HeaderLineOnlyWhenAsked) {
  Table table({"Name", "City"});
  table.add_row({"Ada", "London"});
  EXPECT_EQ(plain(table, true), "Name\tCity\nAda\tLondon\n");
}

TEST(TablePlainTest, KeepsEmptyCellsAsEmptyFields) {
  Table table({"A", "B", "C"});
  table.add_row({"", "x", ""});
  EXPECT_EQ(plain(table, false), "\tx\t\n");
}

TEST(TablePlainTest, TabsAndNewlinesInCellsBecomeSpaces) {
  Table table({"Name", "Note"});
  table.add_row({"Ada\tLovelace", "line one\r\nline two"});
  EXPECT_EQ(plain(table, false), "Ada Lovelace\tline one  line two\n");
}

TEST(TablePlainTest, EmptyTableRendersNothingEvenWithHeader) {
  const Table table({"Name", "City"});
  EXPECT_EQ(plain(table, true), "");
  EXPECT_EQ(plain(table, false), "");
}

}  // namespace
}  // namespace kith::render
