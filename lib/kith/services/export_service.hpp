// Getting the data out: the whole journal as JSON Lines (lossless: importing it into an
// empty journal and exporting again gives the same bytes), one table as CSV for a
// spreadsheet, contacts as vCard 4.0 for an address book, and events and open follow-ups as
// iCalendar for a calendar. Everything is read in one transaction, one record at a time.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string_view>

#include "kith/storage/journal.hpp"
#include "kith/util/enum_names.hpp"

namespace kith {

enum class ExportFormat { jsonl, csv, vcard, ics };
inline constexpr EnumNames<ExportFormat, 4> k_export_format_names{{
    {ExportFormat::jsonl, "jsonl"},
    {ExportFormat::csv, "csv"},
    {ExportFormat::vcard, "vcard"},
    {ExportFormat::ics, "ics"},
}};

// Which records a CSV export holds: CSV is one table.
enum class ExportTable { contacts, conversations, follow_ups, events };
inline constexpr EnumNames<ExportTable, 4> k_export_table_names{{
    {ExportTable::contacts, "contacts"},
    {ExportTable::conversations, "conversations"},
    {ExportTable::follow_ups, "follow-ups"},
    {ExportTable::events, "events"},
}};

struct ExportOptions {
  ExportFormat format = ExportFormat::jsonl;
  ExportTable table = ExportTable::contacts;
  bool todo_as_event = false;  // iCalendar: follow-ups as all-day events, for Google Calendar
};

// How many records of each kind were written.
struct ExportCounts {
  int contacts = 0;
  int conversations = 0;
  int follow_ups = 0;
  int events = 0;
  int deletions = 0;
};

class ExportService {
 public:
  explicit ExportService(Journal& journal) : m_journal(journal) {}

  ExportCounts write(std::ostream& out, const ExportOptions& options);
  // The same into the file `path`, written whole or not at all; an existing file is replaced
  // only with `replace`.
  ExportCounts write_file(const std::filesystem::path& path, bool replace,
                          const ExportOptions& options);
  // One vCard per contact, named <uid>.vcf, in `dir` (created when missing), the layout of
  // khard and vdirsyncer address books. Existing cards are replaced only with `replace`.
  ExportCounts write_cards(const std::filesystem::path& dir, bool replace);

 private:
  void jsonl(std::ostream& out, ExportCounts& counts);
  void csv(std::ostream& out, ExportTable table, ExportCounts& counts);
  void vcard(std::ostream& out, ExportCounts& counts);
  void ics(std::ostream& out, bool todo_as_event, ExportCounts& counts);

  Journal& m_journal;
};

}  // namespace kith
