// kith stale: the people you have lost touch with, longest silence first.
#include <CLI/CLI.hpp>
#include <charconv>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "kith/error.hpp"
#include "kith/services/stale_service.hpp"
#include "render/json.hpp"
#include "render/stale_view.hpp"

namespace kith::cli {

namespace {

struct StaleOptions {
  std::string days;
  std::string tag;
  std::string limit;
  bool plain = false;
  bool header = false;
};

// A whole number from 1 to `max`; a usage error naming the option otherwise.
int parse_count(const std::string& text, const char* option, const char* what, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    throw Error(ErrorKind::usage, std::string(option) + " takes " + what + " from 1 to " +
                                      std::to_string(max) + ", not '" + text + "'");
  }
  return value;
}

StaleQuery to_query(const StaleOptions& o) {
  StaleQuery query;
  if (!o.days.empty()) query.days = parse_count(o.days, "--days", "a number of days", 36500);
  query.tag = o.tag;
  if (!o.limit.empty()) {
    query.limit =
        static_cast<std::size_t>(parse_count(o.limit, "--limit", "a number of people", 1000000000));
  }
  return query;
}

void run_stale(Context& ctx, const StaleOptions& o) {
  const OutputForm form = output_form(ctx, o.plain);
  StaleQuery query = to_query(o);
  StaleService service(ctx.journal(Journal::Access::read), ctx.settings());
  auto report = service.compute(ctx.moment().today, query);
  if (form == OutputForm::json) {
    render::print_json(ctx.out(), render::to_json(report));
  } else if (form == OutputForm::plain) {
    render::print_stale_plain(ctx.out(), report, o.header);
  } else {
    render::print_stale(ctx.out(), report, ctx.color());
  }
}

}  // namespace

void add_stale_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<StaleOptions>();
  auto* stale = app.add_subcommand(
      "stale", "People you have lost touch with: silent for N days or past their cadence");
  stale->fallthrough();
  stale->add_option("-d,--days", o->days, "Silent at least this many days (default 90)")
      ->type_name("N");
  stale->add_option("-t,--tag", o->tag, "Only contacts with this tag")->type_name("T");
  stale->add_option("-n,--limit", o->limit, "Only the N longest silent")->type_name("N");
  auto* plain_flag =
      stale->add_flag("--plain", o->plain, "One tab-separated line per person for grep, awk, cut");
  stale->add_flag("--header", o->header, "With --plain: a first line naming the columns")
      ->needs(plain_flag);
  stale->footer(
      "Examples:\n"
      "  kith stale                   # silent for 90 days, or past their keep-in-touch cadence\n"
      "  kith stale --days 30 -n 5    # the five longest silent of those quiet for a month\n"
      "  kith stale --tag a           # only tier a\n"
      "  kith stale --plain | cut -f2 # just the names");
  run_with(*stale, ctx, o, run_stale);
}

}  // namespace kith::cli
