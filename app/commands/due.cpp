// kith due: the morning list. Silent when nothing is due, so cron mails only when it matters.
#include <CLI/CLI.hpp>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/due_service.hpp"
#include "render/due_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct DueOptions {
  std::string within;
  bool plain = false;
  bool header = false;
};

void run_due(Context& ctx, const DueOptions& o) {
  const OutputForm form = output_form(ctx, o.plain);
  std::optional<Interval> window = ctx.config().due_within;
  if (!o.within.empty()) window = parse_interval(o.within);
  DueService service(ctx.journal(Journal::Access::read), ctx.settings());
  auto report = service.compute(ctx.moment().today, window);
  if (form == OutputForm::json) {
    render::print_json(ctx.out(), render::to_json(report));
  } else if (form == OutputForm::plain) {
    render::print_due_plain(ctx.out(), report, o.header);
  } else {
    render::print_due(ctx.out(), report, ctx.color());
  }
}

}  // namespace

void add_due_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<DueOptions>();
  auto* due =
      app.add_subcommand("due", "Whom to contact today: overdue, today, keep-in-touch, upcoming");
  due->fallthrough();
  due->add_option("-w,--within", o->within, "Also show what comes due in this window (e.g. 7d, 2w)")
      ->type_name("INTERVAL");
  auto* plain_flag =
      due->add_flag("--plain", o->plain, "One tab-separated line per item: section, date, id, ...");
  due->add_flag("--header", o->header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  due->footer(
      "Examples:\n"
      "  kith due                 # overdue and today; prints nothing when nothing is due\n"
      "  kith due --within 7d     # and what comes due in the next week\n"
      "  0 8 * * 1-5 kith due     # a crontab line: mail arrives only when there is work\n"
      "  kith due --plain | awk -F'\\t' '$1 == \"overdue\" {print $4}'   # who is overdue");
  run_with(*due, ctx, o, run_due);
}

}  // namespace kith::cli
