#include "kith/formats/file_format.hpp"

#include <array>
#include <string>

#include "kith/domain/text.hpp"
#include "kith/formats/contact_csv.hpp"

namespace kith {

namespace {

struct Extension {
  std::string_view extension;
  std::string_view format;
  bool written;  // kith names a file it writes this way (else it only reads the spelling)
};

constexpr std::array<Extension, 7> k_extensions{{{".csv", "csv", true},
                                                 {".vcf", "vcard", true},
                                                 {".vcard", "vcard", true},
                                                 {".ics", "ics", true},
                                                 {".ical", "ics", false},
                                                 {".jsonl", "jsonl", true},
                                                 {".ndjson", "jsonl", false}}};

std::string_view lookup(const std::filesystem::path& path, bool writing) {
  const std::string extension = ascii_lower(path.extension().string());
  for (const auto& e : k_extensions) {
    if (e.extension == extension && (e.written || !writing)) return e.format;
  }
  return {};
}

}  // namespace

std::string_view format_read_from_name(const std::filesystem::path& path) {
  return lookup(path, false);
}

std::string_view format_written_from_name(const std::filesystem::path& path) {
  return lookup(path, true);
}

std::string_view format_from_content(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t start = 0;
  while (start < head.size()) {
    auto end = head.find('\n', start);
    std::string_view line = trim(
        head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) {
      if (starts_with_nocase(line, "BEGIN:VCALENDAR")) return "ics";
      if (starts_with_nocase(line, "BEGIN:VCARD")) return "vcard";
      if (line.front() == '{') return "jsonl";
      if (detect_csv_flavor(line)) return "csv";
      return {};
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {};
}

}  // namespace kith
