// kith export: the journal out again, as JSON Lines (everything, losslessly), CSV (one table,
// safe to open in a spreadsheet), vCard 4.0 (one file, or one card per file with --split) or
// iCalendar (events and open follow-ups). Files are written whole or not at all.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "kith/formats/file_format.hpp"
#include "kith/services/export_service.hpp"
#include "render/export_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct ExportOptionsCli {
  std::string format;  // empty: from the output file's name, else jsonl
  std::string output = "-";
  std::string what;  // empty: contacts
  std::string split;
  bool force = false;
  bool todo_as_event = false;
};

ExportFormat parse_format(const std::string& text) {
  return parse_enum(k_export_format_names, text).value_or(ExportFormat::jsonl);
}

std::string format_for(const ExportOptionsCli& o) {
  if (!o.format.empty()) return o.format;
  if (!o.split.empty()) return "vcard";
  std::string_view named = format_written_from_name(o.output);
  return named.empty() ? "jsonl" : std::string(named);
}

ExportTable parse_table(const std::string& text) {
  return parse_enum(k_export_table_names, text).value_or(ExportTable::contacts);
}

void run_export(Context& ctx, const ExportOptionsCli& o) {
  std::string format = format_for(o);
  if (!o.what.empty() && format != "csv") {
    throw Error(ErrorKind::usage, "--what chooses the table of a CSV export; add --format csv");
  }
  if (!o.split.empty() && format != "vcard") {
    throw Error(ErrorKind::usage,
                "--split writes vCards; it cannot be used with --format " + format);
  }
  if (!o.split.empty() && o.output != "-") {
    throw Error(ErrorKind::usage, "use either --split DIR or -o FILE, not both");
  }
  if (o.todo_as_event && format != "ics") {
    throw Error(ErrorKind::usage, "--todo-as-event applies to --format ics");
  }
  const bool to_stdout = o.split.empty() && o.output == "-";
  if (to_stdout && ctx.json()) {
    throw Error(ErrorKind::usage,
                "the export itself goes to standard output; use -o FILE with --json");
  }
  ExportOptions options{parse_format(format), parse_table(o.what), o.todo_as_event};
  ExportService service(ctx.journal(Journal::Access::read));
  ExportCounts counts;
  std::string target = o.split.empty() ? o.output : o.split;
  if (!o.split.empty()) {
    counts = service.write_cards(o.split, o.force);
  } else if (to_stdout) {
    std::ostream& out = ctx.raw_out();
    counts = service.write(out, options);
    // Checked here, before the summary line, so a failed export never claims to have worked.
    if (!out.flush()) {
      throw Error(ErrorKind::io, "cannot write the output (disk full or closed pipe?)");
    }
  } else {
    counts = service.write_file(o.output, o.force, options);
  }
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(counts, format, target));
  ctx.info("exported " + render::describe(counts) + (to_stdout ? std::string() : " to " + target));
}

}  // namespace

void add_export_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExportOptionsCli>();
  auto* cmd = app.add_subcommand("export", "Export the journal: JSON Lines, CSV, vCard, iCalendar");
  cmd->fallthrough();
  cmd->footer(R"(Examples:
  kith export -o kith.jsonl                    # everything, to import on another machine
  kith export -o contacts.csv                  # a spreadsheet (format from the name)
  kith export --format csv --what conversations
  kith export --format vcard --split ~/.contacts/kith   # one card per file (khard)
  kith export -o kith.ics --todo-as-event      # for Google Calendar
Files are written whole or not at all; an existing file is replaced only with --force.)");
  cmd->add_option("-f,--format", o->format,
                  "jsonl (everything, the default), csv, vcard or ics; else from -o's name")
      ->check(CLI::IsMember(enum_names(k_export_format_names)))
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", o->output, "The file to write, or - for standard output")
      ->type_name("FILE");
  cmd->add_flag("--force", o->force, "Replace the output file if it exists");
  cmd->add_option("--what", o->what, "CSV: contacts (default), conversations, follow-ups, events")
      ->check(CLI::IsMember(enum_names(k_export_table_names)))
      ->type_name("TABLE");
  cmd->add_option("--split", o->split, "vCard: one .vcf per contact in this directory")
      ->type_name("DIR");
  cmd->add_flag("--todo-as-event", o->todo_as_event,
                "iCalendar: follow-ups as all-day events (for calendars that ignore to-dos)");
  run_with(*cmd, ctx, o, run_export);
}

}  // namespace kith::cli
