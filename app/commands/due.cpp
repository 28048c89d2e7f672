// kith due: the morning list. Silent when nothing is due, so cron mails only when it matters.
#include <CLI/CLI.hpp>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/due_service.hpp"
#include "render/due_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

void add_due_command(CLI::App& app, Context& ctx) {
  auto within = std::make_shared<std::string>();
  auto plain = std::make_shared<bool>(false);
  auto header = std::make_shared<bool>(false);
  auto* due =
      app.add_subcommand("due", "Whom to contact today: overdue, today, keep-in-touch, upcoming");
  due->fallthrough();
  due->add_option("-w,--within", *within, "Also show what comes due in this window (e.g. 7d, 2w)")
      ->type_name("INTERVAL");
  auto* plain_flag =
      due->add_flag("--plain", *plain, "One tab-separated line per item: section, date, id, ...");
  due->add_flag("--header", *header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  due->footer(
      "Examples:\n"
      "  kith due                 # overdue and today; prints nothing when nothing is due\n"
      "  kith due --within 7d     # and what comes due in the next week\n"
      "  0 8 * * 1-5 kith due     # a crontab line: mail arrives only when there is work\n"
      "  kith due --plain | awk -F'\\t' '$1 == \"overdue\" {print $4}'   # who is overdue");
  due->callback([&ctx, within, plain, header] {
    ctx.action = [&ctx, within, plain, header] {
      const OutputForm form = output_form(ctx, *plain);
      std::optional<Interval> window = ctx.config().due_within;
      if (!within->empty()) window = parse_interval(*within);
      DueService service(ctx.journal(Journal::Access::read), ctx.settings());
      auto report = service.compute(ctx.moment().today, window);
      if (form == OutputForm::json) {
        render::print_json(ctx.out(), render::to_json(report));
      } else if (form == OutputForm::plain) {
        render::print_due_plain(ctx.out(), report, *header);
      } else {
        render::print_due(ctx.out(), report, ctx.color());
      }
    };
  });
}

}  // namespace kith::cli
