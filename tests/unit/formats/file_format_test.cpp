#include "kith/formats/file_format.hpp"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(FileFormatTest, ReadsEverySpellingOfAnExtension) {
  EXPECT_EQ(format_read_from_name("a/Connections.CSV"), "csv");
  EXPECT_EQ(format_read_from_name("cards.vcf"), "vcard");
  EXPECT_EQ(format_read_from_name("cards.vcard"), "vcard");
  EXPECT_EQ(format_read_from_name("cal.ics"), "ics");
  EXPECT_EQ(format_read_from_name("cal.ical"), "ics");
  EXPECT_EQ(format_read_from_name("kith.jsonl"), "jsonl");
  EXPECT_EQ(format_read_from_name("kith.ndjson"), "jsonl");
  EXPECT_EQ(format_read_from_name("notes.txt"), "");
  EXPECT_EQ(format_read_from_name("-"), "");
}

TEST(FileFormatTest, WritesOnlyTheExtensionsKithGives) {
  EXPECT_EQ(format_written_from_name("contacts.csv"), "csv");
  EXPECT_EQ(format_written_from_name("cards.VCF"), "vcard");
  EXPECT_EQ(format_written_from_name("kith.ics"), "ics");
  EXPECT_EQ(format_written_from_name("kith.ical"), "");
  EXPECT_EQ(format_written_from_name("kith.ndjson"), "");
  EXPECT_EQ(format_written_from_name("-"), "");
}

TEST(FileFormatTest, TellsTheFormatFromTheFirstLine) {
  EXPECT_EQ(format_from_content("\xEF\xBB\xBF\n  BEGIN:VCALENDAR\r\n"), "ics");
  EXPECT_EQ(format_from_content("begin:vcard\n"), "vcard");
  EXPECT_EQ(format_from_content("\n{\"type\":\"contact\"}\n"), "jsonl");
  EXPECT_EQ(format_from_content("hello world\n"), "");
  EXPECT_EQ(format_from_content(""), "");
}

}  // namespace
}  // namespace kith
