#include "commands/options.hpp"

#include <istream>
#include <ostream>

#include "kith/error.hpp"
#include "kith/services/resolver.hpp"

namespace kith::cli {

CLI::Validator iso_date_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (parse_iso_date(value)) return {};
        return "'" + value + "' is not a date; use YYYY-MM-DD";
      },
      "");
}

date::year_month_day parse_day(Context& ctx, const std::string& text, DatePreference prefer) {
  return parse_when(text, ctx.moment().today, prefer);
}

std::int64_t parse_record_id(const std::string& text, const std::string& what) {
  auto id = parse_id(text);
  if (!id)
    throw Error(ErrorKind::usage, "'" + text + "' is not a " + what + " id (a number such as 12)");
  return *id;
}

std::optional<Interval> parse_optional_interval(const std::string& text) {
  if (text == "none" || text == "never") return std::nullopt;
  return parse_interval(text);
}

CLI::Option* add_change(CLI::App& command, const std::string& name,
                        std::optional<std::string>& field, const std::string& help) {
  return command.add_option_function<std::string>(
      name, [&field](const std::string& value) { field = value; }, help);
}

bool confirm(Context& ctx, const std::string& question, bool yes) {
  if (yes) return true;
  if (!ctx.interactive()) {
    throw Error(ErrorKind::usage, "refusing to delete without --yes when not on a terminal");
  }
  ctx.err() << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(ctx.in(), answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

OutputForm output_form(const Context& ctx, bool plain) {
  if (plain && ctx.json()) {
    throw Error(ErrorKind::usage, "--plain and --json do not go together; choose one");
  }
  return ctx.json() ? OutputForm::json : plain ? OutputForm::plain : OutputForm::table;
}

}  // namespace kith::cli
