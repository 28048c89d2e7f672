// kith event import: events from an iCalendar file or stdin. `kith import --format ics` comes
// here too, through import_calendar_file and import_calendar_stream.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "input_buffer.hpp"
#include "kith/error.hpp"
#include "kith/services/event_service.hpp"
#include "kith/services/import_service.hpp"
#include "render/event_view.hpp"

namespace kith::cli {

namespace {

struct ImportOptions {
  std::string file;
  bool dry_run = false;
};

void run_import(Context& ctx, const ImportOptions& o) {
  import_calendar_file(ctx, o.file, o.dry_run);
}

}  // namespace

void import_calendar_file(Context& ctx, const std::string& file, bool dry_run) {
  std::ifstream stream;
  std::istream* in = &ctx.in();
  if (file != "-") {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
      throw Error(ErrorKind::not_found, "cannot read " + file + ": no such file");
    }
    stream.open(file, std::ios::binary);
    if (!stream) throw Error(ErrorKind::permission, "cannot read " + file + ": permission denied");
    in = &stream;
  }
  InputBuffer buffer("", in->rdbuf());
  std::istream input(&buffer);
  import_calendar_stream(ctx, input, file == "-" ? "<stdin>" : file, dry_run);
}

void import_calendar_stream(Context& ctx, std::istream& in, const std::string& shown,
                            bool dry_run) {
  auto access = dry_run ? Journal::Access::read : Journal::Access::write;
  EventService service(ctx.journal(access, true), ctx.moment(), ctx.settings());
  ImportReport report;
  try {
    report = service.import_calendar(in, shown, ctx.time_zone(), dry_run);
  } catch (const ImportFailed& e) {
    for (const auto& p : e.problems()) ctx.err() << "kith: error: " << p << '\n';
    throw;
  }
  for (const auto& notice : report.notices) ctx.err() << "kith: warning: " << notice << '\n';
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(report, dry_run));
  } else if (dry_run) {
    render::print_calendar_import(ctx.out(), report);
  }
  ctx.info(render::calendar_import_summary(report, dry_run));
}

void add_event_import(CLI::App& event, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = event.add_subcommand("import", "Import events from an iCalendar (.ics) file or -");
  cmd->fallthrough();
  cmd->add_option("FILE", o->file, "The .ics file, or - for standard input")->required();
  cmd->add_flag("-n,--dry-run", o->dry_run, "Report what would change; write nothing");
  cmd->footer(
      "Examples:\n"
      "  kith event import ~/Downloads/rust-berlin.ics --dry-run\n"
      "  curl -s https://www.meetup.com/rust-berlin/events/ical/ | kith event import -\n"
      "Events are matched by UID: importing the same feed again changes nothing.");
  run_with(*cmd, ctx, o, run_import);
}

}  // namespace kith::cli
