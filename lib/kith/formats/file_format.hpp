// Which file format a file is: by its name's extension, for `kith import` (which reads more
// spellings) and `kith export` (which writes fewer), one table serving both; and by its first
// bytes, for an import from standard input or a file with no telling name.
#pragma once

#include <filesystem>
#include <string_view>

namespace kith {

// The format ("csv", "vcard", "jsonl" or "ics", as --format spells it) that `path`'s
// extension names when kith reads the file; "" when it names none. Case is ignored.
std::string_view format_read_from_name(const std::filesystem::path& path);

// The same for a file kith writes: only the extensions kith would give such a file.
std::string_view format_written_from_name(const std::filesystem::path& path);

// The format of content starting with `head` (its first non-blank line: BEGIN:VCALENDAR,
// BEGIN:VCARD, a JSON object, a CSV header kith knows); "" when it is not recognisable.
std::string_view format_from_content(std::string_view head);

}  // namespace kith
