// Contacts from CSV files: LinkedIn's Connections.csv, a Google Contacts export (current or
// legacy layout), Outlook's layout (also Google's "Outlook CSV") and any spreadsheet with a header
// row naming its columns, kith's own export among them. csv_column.cpp lists the columns each
// flavor maps.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/formats/contact_source.hpp"
#include "kith/formats/csv.hpp"

namespace kith {

enum class CsvFlavor { generic, linkedin, google, outlook };

// What a column holds (a name part, emails, a birthday...); csv_column.hpp, private to the
// reader, defines it.
enum class CsvColumn : unsigned char;

// The flavor of a file whose first line is `header_line`: linkedin for LinkedIn's header or
// the "Notes:" line its preamble opens with, google for either Google layout, outlook for
// Outlook's (E-mail Address with Business/Home/Mobile Phone, E-mail 2 Address...), generic for a
// header with a name column (name, full name, first name, last name...); nullopt otherwise.
std::optional<CsvFlavor> detect_csv_flavor(std::string_view header_line);

// Reads contacts from a CSV file, one row at a time. Values are kept as written but trimmed,
// except where a flavor has its own conventions: Google's " ::: " multi-values are split and
// its labels (and Outlook's categories) become tags ("* myContacts" dropped, "Rust Meetup" ->
// "rust-meetup"); generic cells hold several emails, phones or tags separated by ';' (tags
// also by ','), and a leading ' that kith's export puts before = + - @ is removed. A birthday
// must be YYYY-MM-DD or --MM-DD (one before 1900, or Outlook's M/D/YYYY, goes into the note
// with a warning; anything else is an invalid field) and a LinkedIn "Connected On" a date (12
// Mar 2024, 7-Feb-22, 2024-03-12; one before 1900 is dropped with a warning), else the record
// carries an error. A row without a name is named as Google names it, by its company, else
// its first email (record.named); one with neither is skipped ("no name"); a blank line is not
// a record at all.
class ContactCsvReader : public ContactSource {
 public:
  // Reads up to the header row (LinkedIn's preamble included); with no flavor given, the
  // flavor is detected from it. Throws ParseError when the header cannot be read, when no
  // LinkedIn header follows the preamble, or when no column holds a name. An empty input has
  // no header and yields no records.
  ContactCsvReader(std::istream& in, std::optional<CsvFlavor> flavor);

  // A malformed row (bad CSV, more values than the header has columns, a bad date) comes back
  // with record.error set and record.line on the line at fault; reading carries on after it.
  bool next(ContactRecord& record) override;

  // For generic files, "ignored columns: A, B" when the header names columns kith does not
  // import; LinkedIn and Google layouts are known, and their unused columns are not listed.
  std::vector<std::string> notices() const override;

  CsvFlavor flavor() const { return m_flavor; }

 private:
  void read_header(std::optional<CsvFlavor> flavor);
  void map_columns(const std::vector<std::string>& header);

  CsvReader m_csv;
  CsvFlavor m_flavor = CsvFlavor::generic;
  std::vector<CsvColumn> m_columns;  // one per header cell
  std::vector<std::string> m_notices;
  std::vector<std::string> m_fields;  // the row being read, kept to reuse its memory
};

}  // namespace kith
