// kith history and kith undo [N]: what changed the journal, and taking it back.
#include <CLI/CLI.hpp>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/services/history_service.hpp"
#include "render/history_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct HistoryOptions {
  int limit = 20;
};

struct UndoOptions {
  int count = 1;
  bool dry_run = false;
};

void run_history(Context& ctx, const HistoryOptions& o) {
  auto entries = HistoryService(ctx.journal(Journal::Access::read)).list(o.limit);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(entries));
  } else if (entries.empty()) {
    ctx.info("no changes recorded yet");
  } else {
    render::print_history(ctx.out(), entries, ctx.color());
  }
}

void run_undo(Context& ctx, const UndoOptions& o) {
  auto access = o.dry_run ? Journal::Access::read : Journal::Access::write;
  auto undone = HistoryService(ctx.journal(access)).undo(o.count, o.dry_run);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::undo_json(undone, o.dry_run));
    return;
  }
  for (const auto& entry : undone) {
    if (o.dry_run) {
      ctx.out() << "would undo" << render::undo_line(entry) << '\n';
    } else {
      ctx.info("undid" + render::undo_line(entry));
    }
  }
}

void add_history(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<HistoryOptions>();
  auto* cmd = app.add_subcommand("history", "The changes made to the journal, newest first");
  cmd->fallthrough();
  cmd->add_option("-n,--limit", o->limit, "Show this many (default 20; the last 100 are kept)")
      ->check(CLI::Range(1, 100))
      ->type_name("N");
  cmd->footer(
      "Each command that changed the journal is one entry: a whole import, a merge, a log.\n"
      "kith undo takes back the newest entries.\n\n"
      "Examples:\n"
      "  kith history\n"
      "  kith history -n 5 --json");
  run_with(*cmd, ctx, o, run_history);
}

void add_undo(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<UndoOptions>();
  auto* cmd = app.add_subcommand("undo", "Take back the last change (or the last N) exactly");
  cmd->fallthrough();
  cmd->add_option("count", o->count, "How many changes to take back (default 1)")
      ->check(CLI::Range(1, 100))
      ->type_name("N");
  cmd->add_flag("-n,--dry-run", o->dry_run, "Show what would be undone; change nothing");
  cmd->footer(
      "Undo reverts whole entries of kith history, newest first, in one transaction: an\n"
      "undone import removes what it added and restores what it updated. It refuses, changing\n"
      "nothing, when the journal was changed since by something other than kith.\n\n"
      "Examples:\n"
      "  kith undo              # the last change\n"
      "  kith undo 3 --dry-run  # what undoing the last three would take back");
  run_with(*cmd, ctx, o, run_undo);
}

}  // namespace

void add_history_commands(CLI::App& app, Context& ctx) {
  add_history(app, ctx);
  add_undo(app, ctx);
}

}  // namespace kith::cli
