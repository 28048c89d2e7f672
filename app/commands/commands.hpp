// Each file in commands/ adds one group of subcommands to the tree. A command parses its
// options, calls one service, and renders the result; nothing else.
#pragma once

#include "context.hpp"

namespace CLI {
class App;
}

namespace kith::cli {

// `kith contact ...`, and its short forms `kith add` and `kith show`.
void add_contact_commands(CLI::App& app, Context& ctx);
void add_add_command(CLI::App& app, Context& ctx);
void add_show_command(CLI::App& app, Context& ctx);
// `kith log`, `kith conversation ...` and `kith timeline`, in log.cpp.
void add_log_command(CLI::App& app, Context& ctx);
void add_conversation_commands(CLI::App& app, Context& ctx);
void add_timeline_command(CLI::App& app, Context& ctx);
void add_follow_up_commands(CLI::App& app, Context& ctx);
void add_due_command(CLI::App& app, Context& ctx);
void add_demo_command(CLI::App& app, Context& ctx);
void add_event_commands(CLI::App& app, Context& ctx);
void add_config_commands(CLI::App& app, Context& ctx);
void add_import_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
void add_completion_command(CLI::App& app, Context& ctx);
void add_draft_command(CLI::App& app, Context& ctx);
void add_search_commands(CLI::App& app, Context& ctx);
void add_brief_command(CLI::App& app, Context& ctx);
void add_stale_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_maintenance_commands(CLI::App& app, Context& ctx);
void add_history_commands(CLI::App& app, Context& ctx);

// `event import`, in event_import.cpp with the two functions below.
void add_event_import(CLI::App& event, Context& ctx);

// Imports an iCalendar file (or "-" for stdin) as events; shared by `event import` and
// `import --format ics`.
void import_calendar_file(Context& ctx, const std::string& file, bool dry_run);
// The same for a stream already open; `shown` names it in messages.
void import_calendar_stream(Context& ctx, std::istream& in, const std::string& shown, bool dry_run);

}  // namespace kith::cli
