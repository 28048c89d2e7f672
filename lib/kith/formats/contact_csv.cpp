#include "kith/formats/contact_csv.hpp"

#include <algorithm>
#include <utility>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/formats/csv_column.hpp"
#include "kith/formats/csv_date.hpp"

namespace kith {

namespace {

using Column = CsvColumn;

// A record with nothing but blanks in one cell: an empty line, not a row.
bool is_blank_line(const std::vector<std::string>& fields) {
  return fields.size() == 1 && trim(fields[0]).empty();
}

// True when a row has a non-blank value past the header's last column: data would be lost.
bool has_values_after(const std::vector<std::string>& fields, std::size_t columns) {
  for (std::size_t i = columns; i < fields.size(); ++i) {
    if (!trim(fields[i]).empty()) return true;
  }
  return false;
}

// The non-empty parts, separated.
std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// The trimmed, non-empty pieces of text between any of the separators.
std::vector<std::string> split(std::string_view text, std::string_view separators) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t end = text.find_first_of(separators);
    const std::string_view piece = trim(text.substr(0, end));
    if (!piece.empty()) out.emplace_back(piece);
    if (end == std::string_view::npos) return out;
    text.remove_prefix(end + 1);
  }
}

// The trimmed, non-empty pieces of a Google cell, whose values are joined by " ::: ".
std::vector<std::string> split_google(std::string_view text) {
  constexpr std::string_view k_separator = ":::";
  std::vector<std::string> out;
  for (;;) {
    const std::size_t end = text.find(k_separator);
    const std::string_view piece = trim(text.substr(0, end));
    if (!piece.empty()) out.emplace_back(piece);
    if (end == std::string_view::npos) return out;
    text.remove_prefix(end + k_separator.size());
  }
}

// A Google label as a tag: "Rust Meetup" becomes "rust-meetup"; system labels ("* starred")
// say nothing about the person and are dropped.
std::vector<std::string> google_tags(std::string_view labels) {
  std::vector<std::string> tags;
  for (const std::string& label : split_google(labels)) {
    if (!label.starts_with("* ")) tags.push_back(join(split(ascii_lower(label), " \t\r\n"), "-"));
  }
  return tags;
}

// A cell as kept: trimmed, line breaks as LF, and (generic files) without the ' that kith's
// export writes before a value a spreadsheet would take for a formula.
std::string clean(std::string_view cell, CsvFlavor flavor) {
  std::string_view text = trim(cell);
  if (flavor == CsvFlavor::generic && text.size() > 1 && text[0] == '\'' &&
      k_csv_formula_starts.find(text[1]) != std::string_view::npos) {
    text = trim(text.substr(1));
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

// A row's cells by what they hold, before they become a contact.
struct Row {
  std::string name, first_name, middle_name, last_name, company, title, location, city, address;
  std::string note, how_met, birthday, uid, introduced_by, connected_on, added_on, archived;
  std::vector<std::string> emails, phones, tags, urls;
};

void keep_first(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void append(std::vector<std::string>& list, std::vector<std::string> values) {
  for (std::string& value : values) list.push_back(std::move(value));
}

// Files it under what the column holds: text fields keep their first non-empty value, lists
// gather every value.
void add_cell(Row& row, Column column, std::string value, CsvFlavor flavor) {
  if (value.empty()) return;
  const auto values = [&](std::string_view separators) {
    return flavor == CsvFlavor::google ? split_google(value) : split(value, separators);
  };
  switch (column) {
    case Column::unknown:
    case Column::ignored:
      return;
    case Column::name:
      return keep_first(row.name, std::move(value));
    case Column::first_name:
      return keep_first(row.first_name, std::move(value));
    case Column::middle_name:
      return keep_first(row.middle_name, std::move(value));
    case Column::last_name:
      return keep_first(row.last_name, std::move(value));
    case Column::email:
      return append(row.emails, values(";"));
    case Column::phone:
      return append(row.phones, values(";"));
    case Column::tags:
      if (flavor == CsvFlavor::outlook) {
        for (std::string& category : split(value, ";")) append(row.tags, google_tags(category));
        return;
      }
      return append(row.tags, flavor == CsvFlavor::google ? google_tags(value) : values(";,"));
    case Column::company:
      return keep_first(row.company, std::move(value));
    case Column::title:
      return keep_first(row.title, std::move(value));
    case Column::location:
      return keep_first(row.location, std::move(value));
    case Column::city:
      return keep_first(row.city, std::move(value));
    case Column::address:
      return keep_first(row.address, join(split(value, "\n"), ", "));
    case Column::url:
      return append(row.urls, flavor == CsvFlavor::google ? split_google(value)
                                                          : std::vector<std::string>{value});
    case Column::note:
      return keep_first(row.note, std::move(value));
    case Column::how_met:
      return keep_first(row.how_met, std::move(value));
    case Column::birthday:
      return keep_first(row.birthday, std::move(value));
    case Column::uid:
      return keep_first(row.uid, std::move(value));
    case Column::introduced_by:
      return keep_first(row.introduced_by, std::move(value));
    case Column::connected_on:
      return keep_first(row.connected_on, std::move(value));
    case Column::added_on:
      return keep_first(row.added_on, std::move(value));
    case Column::archived:
      return keep_first(row.archived, std::move(value));
  }
}

// The profile URL to keep: a LinkedIn one when there is one, as it identifies the person.
std::string profile_url(const std::vector<std::string>& urls) {
  const auto linkedin = std::find_if(urls.begin(), urls.end(), [](const std::string& url) {
    return ascii_lower(url).find("linkedin.com") != std::string::npos;
  });
  return linkedin != urls.end() ? *linkedin : urls.empty() ? "" : urls.front();
}

void warn(ContactRecord& record, std::string message) {
  record.issues.push_back({record.line, std::move(message), false});
}

void invalid(ContactRecord& record, std::string message) {
  record.issues.push_back({record.line, std::move(message), true});
}

// The birthday column: kept when kith can store it. One before 1900, or Outlook's M/D/YYYY,
// goes into the note with a warning (Outlook writes 0/0/00 for none); anything else is invalid.
void read_birthday(std::string text, CsvFlavor flavor, ContactRecord& record) {
  Contact& contact = record.contact;
  if (text.empty() || is_birthday(text)) {
    contact.birthday = std::move(text);
    return;
  }
  const auto old = any_iso_date(text);
  const bool outlook = flavor == CsvFlavor::outlook && text.find('/') != std::string::npos;
  if (outlook && text.find_first_not_of("0/") == std::string::npos) return;
  if (!old && !outlook) {
    return invalid(record,
                   "bad birthday " + quote_for_message(text) + " (expected YYYY-MM-DD or --MM-DD)");
  }
  warn(record, "birthday " + quote_for_message(text) +
                   (old ? " is before 1900 (kith keeps dates from 1900 on)"
                        : " is not YYYY-MM-DD or --MM-DD") +
                   "; kept in the note");
  contact.note += (contact.note.empty() ? "" : "\n") + ("Birthday: " + text);
}

// The columns kith's own export writes about the journal's copy: the day the contact was added
// and whether it is archived.
void read_journal_columns(const Row& row, ContactRecord& record) {
  if (!row.added_on.empty()) {
    if (auto day = parse_iso_date(row.added_on)) {
      record.contact.added_on = *day;
    } else {
      invalid(record, "bad added_on " + quote_for_message(row.added_on) + " (expected YYYY-MM-DD)");
    }
  }
  const std::string archived = ascii_lower(row.archived);
  if (archived == "yes" || archived == "true" || archived == "1") {
    record.contact.archived = true;
  } else if (!archived.empty() && archived != "no" && archived != "false" && archived != "0") {
    invalid(record, "bad archived " + quote_for_message(row.archived) + " (expected yes or no)");
  }
}

// Fills record from a row; sets record.skipped or record.error when it cannot be a contact.
void make_contact(Row row, CsvFlavor flavor, ContactRecord& record) {
  Contact& contact = record.contact;
  contact.name = row.name.empty() ? join({row.first_name, row.middle_name, row.last_name}, " ")
                                  : std::move(row.name);
  contact.emails = std::move(row.emails);
  contact.phones = std::move(row.phones);
  contact.tags = std::move(row.tags);
  contact.company = std::move(row.company);
  contact.title = std::move(row.title);
  contact.location = !row.location.empty() ? std::move(row.location)
                     : !row.city.empty()   ? std::move(row.city)
                                           : std::move(row.address);
  contact.url = profile_url(row.urls);
  contact.note = std::move(row.note);
  contact.how_met = flavor == CsvFlavor::linkedin ? "LinkedIn connection" : std::move(row.how_met);
  contact.uid = std::move(row.uid);
  record.introduced_by = std::move(row.introduced_by);
  if (contact.name.empty()) {
    contact.name = fallback_name(contact);
    record.named = !contact.name.empty();
  }
  if (contact.name.empty()) {
    record.contact = Contact{};
    record.introduced_by.clear();
    record.skipped = "no name";
    return;
  }
  read_birthday(std::move(row.birthday), flavor, record);
  read_journal_columns(row, record);
  if (!row.connected_on.empty()) {
    record.connected_on = parse_connected_on(row.connected_on);
    if (!record.connected_on) {
      record.error = "bad Connected On date " + quote_for_message(row.connected_on) +
                     " (expected a date like 12 Mar 2024)";
    } else if (!kept_year(*record.connected_on)) {
      warn(record, "Connected On " + quote_for_message(row.connected_on) +
                       " is before 1900 (kith keeps dates from 1900 on); left out");
      record.connected_on.reset();
    }
  }
}

}  // namespace

ContactCsvReader::ContactCsvReader(std::istream& in, std::optional<CsvFlavor> flavor)
    : m_csv(in), m_flavor(flavor.value_or(CsvFlavor::generic)) {
  read_header(flavor);
}

void ContactCsvReader::read_header(std::optional<CsvFlavor> flavor) {
  std::vector<std::string> header;
  bool found = false;
  while (!found && m_csv.next(header)) found = !is_blank_line(header);
  if (!found) return;
  const int first_line = m_csv.line();
  if (!flavor) m_flavor = flavor_of_header(header).value_or(CsvFlavor::generic);
  // LinkedIn puts a preamble before its header; how long it is has changed over the years.
  while (m_flavor == CsvFlavor::linkedin && !is_linkedin_header(header)) {
    if (!m_csv.next(header)) {
      throw ParseError(first_line, "no LinkedIn header (First Name,Last Name,...) in the file");
    }
  }
  map_columns(header);
}

void ContactCsvReader::map_columns(const std::vector<std::string>& header) {
  std::vector<std::string> unknown;
  for (const std::string& cell : header) {
    const Column column = csv_column(m_flavor, cell);
    const std::string name(trim(cell));
    if (column == Column::unknown &&
        std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
      unknown.push_back(name);
    }
    m_columns.push_back(column);
  }
  if (std::none_of(m_columns.begin(), m_columns.end(), is_name_column)) {
    throw ParseError(m_csv.line(), "no name column; expected one of name, first name, last name");
  }
  if (!unknown.empty()) m_notices.push_back("ignored columns: " + join(unknown, ", "));
}

bool ContactCsvReader::next(ContactRecord& record) {
  record = ContactRecord{};
  do {
    try {
      if (!m_csv.next(m_fields)) return false;
    } catch (const ParseError& e) {
      record.line = e.line();
      record.error = e.what();
      return true;
    }
  } while (is_blank_line(m_fields));
  record.line = m_csv.line();
  if (has_values_after(m_fields, m_columns.size())) {
    record.error = std::to_string(m_fields.size()) + " values, but the header names " +
                   std::to_string(m_columns.size()) +
                   " columns (a value with a comma must be in double quotes)";
    return true;
  }
  Row row;
  for (std::size_t i = 0; i < m_fields.size() && i < m_columns.size(); ++i) {
    add_cell(row, m_columns[i], clean(m_fields[i], m_flavor), m_flavor);
  }
  make_contact(std::move(row), m_flavor, record);
  return true;
}

std::vector<std::string> ContactCsvReader::notices() const { return m_notices; }

}  // namespace kith
