// kith import: bulk entry from files. Reads iCalendar files (events); the format is taken
// from --format, else from the file name, else from the content.
#include <CLI/CLI.hpp>
#include <fstream>

#include "commands/commands.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith::cli {

namespace {

// "ics" when the file looks like an iCalendar file, by name or by its first line.
std::string detect_format(const std::string& file) {
  if (file != "-" && ascii_lower(std::filesystem::path(file).extension().string()) == ".ics") {
    return "ics";
  }
  if (file != "-") {
    std::ifstream in(file, std::ios::binary);
    std::string first;
    std::getline(in, first);
    if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);
    if (starts_with_nocase(trim(first), "BEGIN:VCALENDAR")) return "ics";
  }
  throw Error(ErrorKind::usage, "cannot tell the format of " +
                                    (file == "-" ? "standard input" : file) +
                                    "; give --format ics (kith import reads iCalendar files)");
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("auto");
  auto dry_run = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("import", "Import records from a file (iCalendar events)");
  cmd->fallthrough();
  cmd->add_option("FILE", *file, "The file, or - for standard input")->required();
  cmd->add_option("-f,--format", *format, "auto (from the name or content) or ics")
      ->check(CLI::IsMember({"auto", "ics"}));
  cmd->add_flag("-n,--dry-run", *dry_run, "Report what would change; write nothing");
  cmd->callback([&ctx, file, format, dry_run] {
    ctx.action = [&ctx, file, format, dry_run] {
      std::string chosen = *format == "auto" ? detect_format(*file) : *format;
      if (chosen == "ics") import_calendar_file(ctx, *file, *dry_run);
    };
  });
}

}  // namespace kith::cli
