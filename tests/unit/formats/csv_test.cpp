#include "kith/formats/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kith {
namespace {

using Fields = std::vector<std::string>;

// A record with the line it starts on.
struct Record {
  int line;
  Fields fields;

  friend bool operator==(const Record&, const Record&) = default;
};

void PrintTo(const Record& record, std::ostream* out) {
  *out << record.line << ": " << ::testing::PrintToString(record.fields);
}

std::vector<Record> read_all(std::string_view text) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in);
  std::vector<Record> records;
  Fields fields;
  while (reader.next(fields)) records.push_back({reader.line(), fields});
  return records;
}

// What reading `text` is refused with, as "LINE: message"; fails the test if it is accepted.
std::string error_of(std::string_view text) {
  try {
    const std::vector<Record> records = read_all(text);
    ADD_FAILURE() << "accepted as " << records.size() << " records:\n" << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_data);
    return std::to_string(e.line()) + ": " + e.what();
  }
  return "";
}

TEST(CsvReaderTest, SplitsRecordsIntoFields) {
  EXPECT_EQ(
      read_all("name,email\nPriya Sharma,priya@example.com\n"),
      (std::vector<Record>{{1, {"name", "email"}}, {2, {"Priya Sharma", "priya@example.com"}}}));
}

TEST(CsvReaderTest, SkipsBomAndAcceptsCrlf) {
  EXPECT_EQ(read_all("\xEF\xBB\xBF"
                     "First Name,Last Name\r\nPriya,Sharma\r\n"),
            (std::vector<Record>{{1, {"First Name", "Last Name"}}, {2, {"Priya", "Sharma"}}}));
}

TEST(CsvReaderTest, ReadsFirstBytesThatAreNotABom) {
  EXPECT_EQ(read_all("\xC3\xA9mile,x"), (std::vector<Record>{{1, {"\xC3\xA9mile", "x"}}}));
  EXPECT_EQ(error_of("\xEF\xBB,x"), "1: invalid UTF-8 in field 1 (save the file as UTF-8)");
}

TEST(CsvReaderTest, ReadsLastLineWithoutLineBreak) {
  EXPECT_EQ(read_all("a,b\nc,d"), (std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(CsvReaderTest, LoneCrEndsARecord) {
  EXPECT_EQ(read_all("a\rb\r"), (std::vector<Record>{{1, {"a"}}, {2, {"b"}}}));
}

TEST(CsvReaderTest, EmptyLineIsOneEmptyFieldAndTrailingCommaAnother) {
  EXPECT_EQ(read_all("a,\n\nb\n"), (std::vector<Record>{{1, {"a", ""}}, {2, {""}}, {3, {"b"}}}));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasAndDoubledQuotes) {
  EXPECT_EQ(read_all(R"("Stripe, Inc.","She said ""hi""","")"),
            (std::vector<Record>{{1, {"Stripe, Inc.", "She said \"hi\"", ""}}}));
}

TEST(CsvReaderTest, RecordWithLineBreaksReportsTheLineItStartsOn) {
  EXPECT_EQ(read_all("name,note\nAda,\"line one\r\nline two\nline three\"\nBob,x\n"),
            (std::vector<Record>{{1, {"name", "note"}},
                                 {2, {"Ada", "line one\r\nline two\nline three"}},
                                 {5, {"Bob", "x"}}}));
}

TEST(CsvReaderTest, DropsSpacesAroundAQuotedField) {
  EXPECT_EQ(read_all("a, \"b, c\" ,d"), (std::vector<Record>{{1, {"a", "b, c", "d"}}}));
}

TEST(CsvReaderTest, KeepsSpacesOfUnquotedFields) {
  EXPECT_EQ(read_all(" a , b"), (std::vector<Record>{{1, {" a ", " b"}}}));
}

TEST(CsvReaderTest, ReadsNoFurtherThanTheRecord) {
  std::istringstream in("a,b\r\nc,d\r\n");
  CsvReader reader(in);
  Fields fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(in.tellg(), 5);
}

TEST(CsvReaderTest, UnterminatedQuoteNamesTheLineItOpensOn) {
  EXPECT_EQ(error_of("name,note\nAda,\"never\nclosed\n"),
            "2: unterminated quote: the quote opening field 2 is never closed");
}

TEST(CsvReaderTest, AQuoteLeftOpenIsReportedWhereItsRecordStarts) {
  // The quote opened on line 3 runs on to the next quote, on line 5: the damage shows there,
  // but line 3 is what to fix.
  EXPECT_EQ(error_of("name,note\nAda,fine\nBob,\"left open\nCy,x\nDee,\"quoted\"\n"),
            "3: the quote opening field 2 on line 3 is closed on line 5 and text follows it, so "
            "lines 3 to 5 read as one record (a quote inside a quoted field is written twice)");
  EXPECT_EQ(error_of("name,note\nAda,fine,\n\"x\ny\",\"never\nclosed\n"),
            "3: unterminated quote: the quote opening field 2 on line 4 is never closed");
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsRefusedAndReadingGoesOn) {
  std::istringstream in("name\n\"Ada\"x,y\nBob\n");
  CsvReader reader(in);
  Fields fields;
  ASSERT_TRUE(reader.next(fields));
  try {
    reader.next(fields);
    ADD_FAILURE() << "accepted";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_STREQ(e.what(),
                 "text after the closing quote of field 1 (a quote inside a quoted field is "
                 "written twice)");
  }
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.line(), 3);
  EXPECT_EQ(fields, Fields{"Bob"});
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReaderTest, BareQuoteInUnquotedFieldIsRefused) {
  EXPECT_EQ(error_of("height\n5'10\" tall\n"),
            "2: quote inside unquoted field 1 (quote the whole field and double the quote)");
}

TEST(CsvReaderTest, InvalidUtf8NamesItsLine) {
  EXPECT_EQ(error_of("name,note\nAda,\"fine\nLatin-1 caf\xE9\"\n"),
            "3: invalid UTF-8 in field 2 (save the file as UTF-8)");
}

TEST(CsvReaderTest, Utf16IsRefusedWithAHint) {
  EXPECT_EQ(error_of(std::string_view("\xFF\xFEn\0a\0", 6)),
            "1: UTF-16 text (save the file as UTF-8)");
}

TEST(CsvReaderTest, NulByteIsRefused) {
  EXPECT_EQ(error_of(std::string_view("a,b\0c\n", 6)), "1: NUL byte in field 2 (not text)");
}

TEST(CsvReaderTest, FieldOverOneMiBIsRefused) {
  const std::string largest(k_max_csv_field_bytes, 'x');
  EXPECT_EQ(read_all("a\n" + largest).at(1).fields.at(0).size(), k_max_csv_field_bytes);
  EXPECT_EQ(error_of("a\nb,\"" + largest + "x\""), "2: field 2 is longer than 1 MiB");
}

TEST(CsvReaderTest, RecordOverTheFieldLimitIsRefused) {
  EXPECT_EQ(error_of(std::string(k_max_csv_fields, ',')), "1: record has more than 10000 fields");
}

TEST(CsvFieldTest, LeavesPlainValuesAlone) {
  EXPECT_EQ(csv_field("Priya Sharma"), "Priya Sharma");
  EXPECT_EQ(csv_field("priya@example.com"), "priya@example.com");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvFieldTest, QuotesSeparatorsQuotesLineBreaksAndPadding) {
  EXPECT_EQ(csv_field("Stripe, Inc."), "\"Stripe, Inc.\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("one\r\ntwo"), "\"one\r\ntwo\"");
  EXPECT_EQ(csv_field(" padded "), "\" padded \"");
  EXPECT_EQ(csv_field("\xEF\xBB\xBFx"), "\"\xEF\xBB\xBFx\"");
}

TEST(CsvFieldTest, NeutralisesSpreadsheetFormulas) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1 415 555 0134"), "\"'+1 415 555 0134\"");
  EXPECT_EQ(csv_field("-2"), "\"'-2\"");
  EXPECT_EQ(csv_field("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\"");
  EXPECT_EQ(csv_field("\tcmd"), "\"'\tcmd\"");
}

TEST(CsvRowTest, JoinsFieldsWithCommasAndEndsWithCrlf) {
  std::ostringstream out;
  write_csv_row(out, {"Priya Sharma", "Stripe, Inc.", ""});
  write_csv_row(out, {"x"});
  EXPECT_EQ(out.str(), "Priya Sharma,\"Stripe, Inc.\",\r\nx\r\n");
}

TEST(CsvRowTest, RoundTripsThroughTheReader) {
  const std::vector<Fields> rows = {{"plain", "Stripe, Inc.", "a \"quote\"", "two\nlines", ""},
                                    {" padded ", "crlf\r\ninside", "José Álvarez", "'quoted"},
                                    {""}};
  std::ostringstream out;
  for (const Fields& row : rows) write_csv_row(out, row);
  const std::vector<Record> records = read_all(out.str());
  ASSERT_EQ(records.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(records[i].fields, rows[i]);
  EXPECT_EQ(records[1].line, 3);
}

TEST(CsvRowTest, FormulaComesBackAsTextWithItsApostrophe) {
  std::ostringstream out;
  write_csv_row(out, {"=1+1", "+44 20 7946 0958"});
  EXPECT_EQ(read_all(out.str()), (std::vector<Record>{{1, {"'=1+1", "'+44 20 7946 0958"}}}));
}

}  // namespace
}  // namespace kith
