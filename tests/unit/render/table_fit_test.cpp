// Tables on a terminal take its width: the widest free-text column is shortened with "…".
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "render/table.hpp"

namespace kith::render {
namespace {

std::string rendered(const Table& table, std::size_t width, bool header = true) {
  std::ostringstream out;
  set_terminal_width(out, width);
  table.render(out, Style{header, false});
  return out.str();
}

Table events() {
  Table table({"ID", "EVENT", "WHERE", "STATUS"});
  table.set_align(0, Align::right);
  table.set_free_text(1);
  table.set_free_text(2);
  table.add_row({"1", "Rust NYC: Async in Production and Other Stories", "Datadog HQ", "planned"});
  table.add_row({"12", "PyData", "Microsoft Times Square, 11 Times Sq", "attended"});
  return table;
}

TEST(TableFitTest, WithoutAWidthNothingIsShortened) {
  EXPECT_EQ(rendered(events(), 0),
            "ID  EVENT                                            WHERE                            "
            "    STATUS\n"
            " 1  Rust NYC: Async in Production and Other Stories  Datadog HQ                       "
            "    planned\n"
            "12  PyData                                           Microsoft Times Square, 11 Times "
            "Sq  attended\n");
}

TEST(TableFitTest, TheWidestFreeTextColumnIsShortenedUntilItFits) {
  const std::string out = rendered(events(), 80);
  EXPECT_EQ(out,
            "ID  EVENT                             WHERE                             STATUS\n"
            " 1  Rust NYC: Async in Production a\u2026  Datadog HQ                        planned\n"
            "12  PyData                            Microsoft Times Square, 11 Time\u2026  "
            "attended\n");
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(display_width(line), 80u) << line;
}

TEST(TableFitTest, TwoLongColumnsShareTheRoomAndCutsDropTrailingSpaces) {
  EXPECT_EQ(rendered(events(), 50),
            "ID  EVENT              WHERE              STATUS\n"
            " 1  Rust NYC: Async\u2026   Datadog HQ         planned\n"
            "12  PyData             Microsoft Times\u2026   attended\n");
}

TEST(TableFitTest, FreeTextStopsAtAFewColumnsAndTheTerminalWrapsTheRest) {
  EXPECT_EQ(rendered(events(), 10),
            "ID  EVENT     WHERE     STATUS\n"
            " 1  Rust NY\u2026  Datadog\u2026  planned\n"
            "12  PyData    Microso\u2026  attended\n");
}

TEST(TableFitTest, ColumnsThatAreNotFreeTextAreNeverCut) {
  Table table({"ID", "DUE"});
  table.add_row({"1", "Wed 2026-11-25"});
  EXPECT_EQ(rendered(table, 5), "ID  DUE\n1   Wed 2026-11-25\n");
}

TEST(TableFitTest, ShortenCountsWideCharactersAndKeepsWholeCodePoints) {
  EXPECT_EQ(shorten("李小龙 and friends", 6), "李小\u2026");
  EXPECT_EQ(shorten("李小龙", 5), "李小\u2026");
  EXPECT_EQ(shorten("李小龙", 6), "李小龙");
  EXPECT_EQ(shorten("José Álvarez", 5), "José\u2026");
  EXPECT_EQ(shorten("Søren Kierkegaard", 8), "Søren K\u2026");
  EXPECT_EQ(shorten("abc", 0), "");
}

}  // namespace
}  // namespace kith::render
