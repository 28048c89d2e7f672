#include "kith/formats/csv_column.hpp"

#include <algorithm>
#include <sstream>

#include "kith/domain/text.hpp"
#include "kith/formats/csv.hpp"

namespace kith {

namespace {

using Column = CsvColumn;

// The header keys (as column_key makes them, separated by spaces) of a column.
struct Aliases {
  Column column;
  std::string_view keys;
};

// A spreadsheet's own header, matched loosely: "How Met", "how_met" and "how-met" are one key.
constexpr Aliases k_generic_columns[] = {
    {Column::name, "name fullname displayname"},
    {Column::first_name, "firstname givenname"},
    {Column::last_name, "lastname familyname surname"},
    {Column::email, "email emails emailaddress"},
    {Column::phone, "phone phones mobile telephone"},
    {Column::company, "company organization organisation employer"},
    {Column::title, "title position jobtitle role"},
    {Column::location, "location city"},
    {Column::url, "url profile linkedin website"},
    {Column::tags, "tags tag labels"},
    {Column::note, "note notes"},
    {Column::how_met, "howmet met"},
    {Column::birthday, "birthday"},
    {Column::uid, "uid"},
    {Column::introduced_by, "introducedby via"},
    // kith's export also writes what the journal knows about the contact; last_contacted comes
    // from the conversations, which a contacts file does not hold.
    {Column::added_on, "addedon"},
    {Column::archived, "archived"},
    {Column::ignored, "lastcontacted"}};

constexpr Aliases k_linkedin_columns[] = {{Column::first_name, "firstname"},
                                          {Column::last_name, "lastname"},
                                          {Column::url, "url"},
                                          {Column::email, "emailaddress"},
                                          {Column::company, "company"},
                                          {Column::title, "position"},
                                          {Column::connected_on, "connectedon"}};

// Both Google layouts; in numbered groups ("E-mail 2 - Value") the number is written '#'.
constexpr Aliases k_google_columns[] = {{Column::name, "name"},
                                        {Column::first_name, "firstname givenname"},
                                        {Column::middle_name, "middlename additionalname"},
                                        {Column::last_name, "lastname familyname"},
                                        {Column::company, "organizationname organization#name"},
                                        {Column::title, "organizationtitle organization#title"},
                                        {Column::location, "location"},
                                        {Column::city, "address#city"},
                                        {Column::address, "address#formatted"},
                                        {Column::birthday, "birthday"},
                                        {Column::note, "notes"},
                                        {Column::tags, "labels groupmembership"},
                                        {Column::email, "email#value"},
                                        {Column::phone, "phone#value"},
                                        {Column::url, "website#value"}};

// Outlook's layout, as Outlook and Google's "Outlook CSV" export write it ('#' for a number).
// Its "Title" is the name's prefix (Mr., Dr.), not the job title.
constexpr Aliases k_outlook_columns[] = {
    {Column::name, "name"},
    {Column::first_name, "firstname"},
    {Column::middle_name, "middlename"},
    {Column::last_name, "lastname"},
    {Column::email, "emailaddress email#address"},
    {Column::phone,
     "mobilephone businessphone businessphone# homephone homephone# otherphone primaryphone "
     "companymainphone carphone"},
    {Column::company, "company"},
    {Column::title, "jobtitle"},
    {Column::city, "businesscity homecity othercity"},
    {Column::address, "businessaddress homeaddress otheraddress"},
    {Column::url, "webpage personalwebpage"},
    {Column::tags, "categories"},
    {Column::note, "notes"},
    {Column::birthday, "birthday"}};

// A header cell as a key: lower-case, without spaces, underscores or hyphens, and with each run
// of digits written '#' when `number_groups` is set.
std::string column_key(std::string_view name, bool number_groups) {
  std::string key;
  for (const char c : ascii_lower(trim(name))) {
    if (c == ' ' || c == '_' || c == '-') continue;
    const bool digit = c >= '0' && c <= '9';
    if (digit && number_groups) {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += c;
    }
  }
  return key;
}

template <std::size_t N>
std::optional<Column> find_column(const Aliases (&table)[N], std::string_view key) {
  for (const Aliases& aliases : table) {
    for (std::string_view keys = aliases.keys; !keys.empty();) {
      const std::size_t end = std::min(keys.find(' '), keys.size());
      if (keys.substr(0, end) == key) return aliases.column;
      keys.remove_prefix(std::min(end + 1, keys.size()));
    }
  }
  return std::nullopt;
}

bool has_key(const std::vector<std::string>& header, std::string_view key, bool number_groups) {
  return std::any_of(header.begin(), header.end(), [&](const std::string& cell) {
    return column_key(cell, number_groups) == key;
  });
}

// LinkedIn's preamble opens with a "Notes:" line.
bool is_linkedin_notes(const std::vector<std::string>& fields) {
  return fields.size() == 1 && ascii_lower(trim(fields[0])) == "notes:";
}

}  // namespace

Column csv_column(CsvFlavor flavor, std::string_view name) {
  if (trim(name).empty()) return Column::ignored;
  switch (flavor) {
    case CsvFlavor::linkedin:
      return find_column(k_linkedin_columns, column_key(name, false)).value_or(Column::ignored);
    case CsvFlavor::google:
      return find_column(k_google_columns, column_key(name, true)).value_or(Column::ignored);
    case CsvFlavor::outlook:
      return find_column(k_outlook_columns, column_key(name, true)).value_or(Column::ignored);
    case CsvFlavor::generic:
      break;
  }
  return find_column(k_generic_columns, column_key(name, false)).value_or(Column::unknown);
}

bool is_name_column(Column column) {
  return column == Column::name || column == Column::first_name || column == Column::last_name;
}

bool is_linkedin_header(const std::vector<std::string>& fields) {
  return has_key(fields, "firstname", false) && has_key(fields, "lastname", false);
}

std::optional<CsvFlavor> flavor_of_header(const std::vector<std::string>& header) {
  if (is_linkedin_notes(header) ||
      (is_linkedin_header(header) && has_key(header, "connectedon", false))) {
    return CsvFlavor::linkedin;
  }
  const bool google = std::any_of(header.begin(), header.end(), [](const std::string& cell) {
    const std::string key = column_key(cell, true);
    return key == "fileas" || key == "groupmembership" || key.ends_with("#value");
  });
  if (google) return CsvFlavor::google;
  // Outlook: "E-mail Address" with a column only Outlook's layout has.
  const bool outlook = has_key(header, "emailaddress", false) &&
                       std::any_of(header.begin(), header.end(), [](const std::string& cell) {
                         const std::string key = column_key(cell, true);
                         return key == "email#address" || key == "emaildisplayname" ||
                                key == "businessphone" || key == "homephone" ||
                                key == "mobilephone" || key == "webpage";
                       });
  if (outlook) return CsvFlavor::outlook;
  const bool named = std::any_of(header.begin(), header.end(), [](const std::string& cell) {
    return is_name_column(csv_column(CsvFlavor::generic, cell));
  });
  return named ? std::optional(CsvFlavor::generic) : std::nullopt;
}

std::optional<CsvFlavor> detect_csv_flavor(std::string_view header_line) {
  std::istringstream in{std::string(header_line)};
  CsvReader csv(in);
  std::vector<std::string> header;
  try {
    if (!csv.next(header)) return std::nullopt;
  } catch (const ParseError&) {
    return std::nullopt;
  }
  return flavor_of_header(header);
}

}  // namespace kith
