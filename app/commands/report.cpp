// kith report: the digest of a week or a month, fit for a weekly cron mail.
#include <CLI/CLI.hpp>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/report_service.hpp"
#include "render/json.hpp"
#include "render/report_view.hpp"

namespace kith::cli {

namespace {

struct ReportOptions {
  bool week = false;
  bool last_week = false;
  bool month = false;
  bool last_month = false;
  std::string since;
};

// The days to report on; the current week so far when no option names another period.
ReportPeriod choose_period(Context& ctx, const ReportOptions& o) {
  auto today = ctx.moment().today;
  if (!o.since.empty()) return since_period(parse_day(ctx, o.since, DatePreference::past), today);
  if (o.month || o.last_month) return month_period(today, o.last_month);
  return week_period(today, ctx.settings().week_start, o.last_week);
}

void run_report(Context& ctx, const ReportOptions& o) {
  ReportPeriod period = choose_period(ctx, o);
  ReportService service(ctx.journal(Journal::Access::read), ctx.settings());
  auto result = service.compute(ctx.moment().today, period);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(result));
  } else {
    render::print_report(ctx.out(), result, ctx.color());
  }
}

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  auto* report = app.add_subcommand(
      "report", "A digest of your networking: new people, conversations, follow-ups, goals");
  report->fallthrough();
  auto* week = report->add_flag("--week", o->week, "This week so far (the default)");
  auto* last_week = report->add_flag("--last-week", o->last_week, "The whole week before this");
  auto* month = report->add_flag("--month", o->month, "This calendar month so far");
  auto* last_month =
      report->add_flag("--last-month", o->last_month, "The whole calendar month before this");
  auto* since =
      report->add_option("--since", o->since, "From this day up to today")->type_name("WHEN");
  std::vector<CLI::Option*> periods = {week, last_week, month, last_month, since};
  for (auto* a : periods) {
    for (auto* b : periods) {
      if (a != b) a->excludes(b);
    }
  }
  report->footer(
      "Examples:\n"
      "  kith report                      # this week so far, weeks start on config week_start\n"
      "  kith report --last-week          # the whole of last week\n"
      "  kith report --since 'dec 1'      # from December 1st up to today\n"
      "  0 8 * * mon kith report --last-week   # a crontab line: Monday's mail\n"
      "  kith report --json | jq .goals.streak");
  run_with(*report, ctx, o, run_report);
}

}  // namespace kith::cli
