// libFuzzer target for the CSV reader and the contacts read from CSV: any input must either
// yield records that keep the readers' promises or be refused with a ParseError (the contacts
// reader only while reading the header; afterwards a bad row is a record with an error). A
// record the reader accepts must also come back unchanged once written. Anything else
// (another exception, a sanitizer report, a trap below) is a finding.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/formats/contact_csv.hpp"
#include "kith/formats/csv.hpp"

namespace {

void check(bool kept) {
  if (!kept) __builtin_trap();
}

bool is_text(const std::string& value) {
  return !kith::invalid_utf8_at(value) && value.find('\0') == std::string::npos;
}

bool is_trimmed_text(const std::string& value) {
  return is_text(value) && kith::trim(value) == value;
}

bool are_values(const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    if (value.empty() || !is_trimmed_text(value)) return false;
  }
  return true;
}

// Writing a record and reading it back gives the record, with the ' csv_field puts before a
// would-be formula.
void check_round_trip(const std::vector<std::string>& fields) {
  std::ostringstream out;
  kith::write_csv_row(out, fields);
  std::istringstream in(out.str());
  kith::CsvReader reader(in);
  std::vector<std::string> back;
  check(reader.next(back) && reader.line() == 1 && back.size() == fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const bool formula = !fields[i].empty() &&
                         kith::k_csv_formula_starts.find(fields[i][0]) != std::string_view::npos;
    check(back[i] == (formula ? "'" + fields[i] : fields[i]));
  }
  check(!reader.next(back));
}

void check_csv(const std::string& text) {
  std::istringstream in(text);
  kith::CsvReader reader(in);
  std::vector<std::string> fields;
  int last_line = 0;
  for (;;) {
    try {
      if (!reader.next(fields)) break;
    } catch (const kith::ParseError& e) {
      check(reader.line() > last_line && e.line() >= reader.line());
      last_line = reader.line();
      continue;
    }
    check(reader.line() > last_line && !fields.empty() && fields.size() <= kith::k_max_csv_fields);
    std::size_t bytes = 0;
    for (const std::string& field : fields) {
      check(field.size() <= kith::k_max_csv_field_bytes && is_text(field));
      bytes += field.size();
    }
    check(bytes <= kith::k_max_csv_record_bytes);
    check_round_trip(fields);
    last_line = reader.line();
  }
}

void check_contacts(const std::string& text, std::optional<kith::CsvFlavor> flavor) {
  std::istringstream in(text);
  std::unique_ptr<kith::ContactCsvReader> reader;
  try {
    reader = std::make_unique<kith::ContactCsvReader>(in, flavor);
  } catch (const kith::ParseError& e) {
    check(e.line() >= 1);
    return;
  }
  check(!flavor || reader->flavor() == *flavor);
  for (const std::string& notice : reader->notices()) {
    check(reader->flavor() == kith::CsvFlavor::generic && notice.starts_with("ignored columns: "));
  }
  kith::ContactRecord record;
  int last_line = 0;
  while (reader->next(record)) {
    check(record.line > last_line);
    last_line = record.line;
    check(record.error.empty() || record.skipped.empty());
    if (!record.error.empty() || !record.skipped.empty()) continue;
    const kith::Contact& c = record.contact;
    check(!c.name.empty() && is_trimmed_text(c.name));
    check(are_values(c.emails) && are_values(c.phones) && are_values(c.tags));
    for (const std::string* value : std::initializer_list<const std::string*>{
             &c.uid, &c.company, &c.title, &c.location, &c.url, &c.note, &c.how_met,
             &record.introduced_by}) {
      check(is_trimmed_text(*value) && value->find('\r') == std::string::npos);
    }
    const std::string& birthday = c.birthday;
    check(birthday.empty() || (birthday.size() == 10 && birthday[4] == '-') ||
          (birthday.size() == 7 && birthday.starts_with("--")));
    check(!record.connected_on ||
          (record.connected_on->ok() && record.connected_on->year() >= date::year{1900}));
    for (const kith::FieldIssue& issue : record.issues) {
      check(issue.line == record.line && !issue.message.empty() && is_text(issue.message));
    }
    if (reader->flavor() == kith::CsvFlavor::google ||
        reader->flavor() == kith::CsvFlavor::outlook) {
      for (const std::string& tag : c.tags) {
        check(!tag.starts_with("* ") && tag.find(' ') == std::string::npos);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check_csv(text);
  static_cast<void>(kith::detect_csv_flavor(text));
  check_contacts(text, std::nullopt);
  for (const kith::CsvFlavor flavor : {kith::CsvFlavor::generic, kith::CsvFlavor::linkedin,
                                       kith::CsvFlavor::google, kith::CsvFlavor::outlook}) {
    check_contacts(text, flavor);
  }
  return 0;
}
