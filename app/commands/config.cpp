// kith config show|init: the effective settings and where each comes from; a commented file.
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "render/config_view.hpp"

namespace kith::cli {

namespace {

std::string weekday_name(date::weekday day) {
  static const char* const k_days[] = {"sunday",   "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday"};
  return k_days[day.c_encoding()];
}

// Each setting in effect, with the flag, variable or config line it comes from.
std::vector<render::ConfigRow> config_rows(Context& ctx) {
  const ConfigFile& config = ctx.config();
  auto [path, named] = ctx.config_path();
  std::error_code ec;
  bool file = !path.empty() && std::filesystem::exists(path, ec);
  auto from_file = [&, &path = path](const std::string& key) -> std::string {
    auto line = config.lines.find(key);
    if (line == config.lines.end()) return "default";
    return path.string() + ":" + std::to_string(line->second);
  };
  std::string journal_source = !ctx.options().db.empty()                ? "--db"
                               : ctx.env("KITH_DB").value_or("").size() ? "KITH_DB"
                                                                        : from_file("journal");
  std::string color = ctx.options().color;
  std::string color_source = "--color";
  if (color.empty() && ctx.env("NO_COLOR").value_or("").size()) {
    color = "never";
    color_source = "NO_COLOR";
  } else if (color.empty()) {
    color = config.color.value_or("auto");
    color_source = from_file("color");
  }
  const Settings& s = config.settings;
  std::vector<render::ConfigRow> rows = {
      {"config", file ? path.string() : "(none)", named ? "--config or KITH_CONFIG" : "default"},
      {"journal", ctx.journal_path().string(), journal_source},
      {"color", color, color_source},
      {"week_start", weekday_name(s.week_start), from_file("week_start")},
      {"due.within", config.due_within ? format_interval(*config.due_within) : "(none)",
       from_file("due.within")},
  };
  for (const auto& [tag, interval] : s.cadence_tiers) {
    rows.push_back({"cadence." + tag, format_interval(interval), from_file("cadence." + tag)});
  }
  rows.push_back({"playbook.after_meeting_days", std::to_string(s.follow_up_after_meeting_days),
                  from_file("playbook.after_meeting_days")});
  rows.push_back({"playbook.after_event_days", std::to_string(s.follow_up_after_event_days),
                  from_file("playbook.after_event_days")});
  rows.push_back({"playbook.thank_you_days", std::to_string(s.thank_you_days),
                  from_file("playbook.thank_you_days")});
  rows.push_back({"playbook.skip_weekends", s.skip_weekends ? "true" : "false",
                  from_file("playbook.skip_weekends")});
  rows.push_back({"import.recurrence_past", format_interval(s.recurrence_past),
                  from_file("import.recurrence_past")});
  rows.push_back({"import.recurrence_future", format_interval(s.recurrence_future),
                  from_file("import.recurrence_future")});
  for (const auto& [goal, count] : s.weekly_goals) {
    rows.push_back(
        {"goals." + goal, std::to_string(count) + " a week", from_file("goals." + goal)});
  }
  return rows;
}

void run_show(Context& ctx) {
  auto rows = config_rows(ctx);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(rows));
  } else {
    render::print_config(ctx.out(), rows);
  }
}

void run_init(Context& ctx) {
  auto [path, named] = ctx.config_path();
  if (path.empty())
    throw Error(ErrorKind::config, "cannot find where to write: set HOME or use --config");
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    throw Error(ErrorKind::cant_create,
                path.string() + " already exists; kith will not overwrite it");
  }
  if (!named) std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path);
  out << default_config_text();
  out.close();
  if (!out) throw Error(ErrorKind::cant_create, "cannot write " + path.string());
  ctx.info("wrote " + path.string());
}

}  // namespace

void add_config_commands(CLI::App& app, Context& ctx) {
  auto* config =
      app.add_subcommand("config", "Show the settings, or write a commented config file");
  config->require_subcommand(1);
  config->fallthrough();
  auto* show = config->add_subcommand("show", "The effective settings and where each comes from");
  show->fallthrough();
  run_with(*show, ctx, run_show);
  auto* init = config->add_subcommand("init", "Write a commented config file with the defaults");
  init->fallthrough();
  run_with(*init, ctx, run_init);
}

}  // namespace kith::cli
