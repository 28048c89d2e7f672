// What each column of a contacts CSV file holds, read from its header row: the column tables
// of the four flavors (LinkedIn, Google, Outlook, generic) and the detection of the flavor. Private
// to ContactCsvReader, which reads the rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/formats/contact_csv.hpp"

namespace kith {

enum class CsvColumn : unsigned char {
  unknown,  // named in the "ignored columns" notice
  ignored,  // known, and not imported
  name,
  first_name,
  middle_name,
  last_name,
  email,
  phone,
  tags,
  company,
  title,
  location,
  city,     // Google's address parts: the location when no Location column has one
  address,  // (the city first, else the formatted address on one line)
  url,
  note,
  how_met,
  birthday,
  uid,
  introduced_by,
  connected_on,
  added_on,
  archived,
};

// What a header cell holds in a flavor. LinkedIn, Google and Outlook layouts are known: the columns
// kith has no field for are ignored without a notice; in a generic file they are unknown.
CsvColumn csv_column(CsvFlavor flavor, std::string_view name);

// True for a column that holds the name or a part of it.
bool is_name_column(CsvColumn column);

// True for LinkedIn's header row (after its preamble).
bool is_linkedin_header(const std::vector<std::string>& fields);

// The flavor of a file with this header row (or first line of LinkedIn's preamble), as
// detect_csv_flavor describes it.
std::optional<CsvFlavor> flavor_of_header(const std::vector<std::string>& header);

}  // namespace kith
