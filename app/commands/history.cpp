// kith history and kith undo [N]: what changed the journal, and taking it back.
#include <CLI/CLI.hpp>

#include "commands/commands.hpp"
#include "kith/services/history_service.hpp"
#include "render/json.hpp"
#include "render/search_view.hpp"

namespace kith::cli {

namespace {

void add_history(CLI::App& app, Context& ctx) {
  auto limit = std::make_shared<int>(20);
  auto* cmd = app.add_subcommand("history", "The changes made to the journal, newest first");
  cmd->fallthrough();
  cmd->add_option("-n,--limit", *limit, "Show this many (default 20; the last 100 are kept)")
      ->check(CLI::Range(1, 100))
      ->type_name("N");
  cmd->footer(
      "Each command that changed the journal is one entry: a whole import, a merge, a log.\n"
      "kith undo takes back the newest entries.\n\n"
      "Examples:\n"
      "  kith history\n"
      "  kith history -n 5 --json");
  cmd->callback([&ctx, limit] {
    ctx.action = [&ctx, limit] {
      auto entries = HistoryService(ctx.journal(Journal::Access::read)).list(*limit);
      if (ctx.json()) {
        render::print_json(ctx.out(), render::to_json(entries));
      } else if (entries.empty()) {
        ctx.info("no changes recorded yet");
      } else {
        render::print_history(ctx.out(), entries, ctx.color());
      }
    };
  });
}

void add_undo(CLI::App& app, Context& ctx) {
  auto count = std::make_shared<int>(1);
  auto dry_run = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("undo", "Take back the last change (or the last N) exactly");
  cmd->fallthrough();
  cmd->add_option("count", *count, "How many changes to take back (default 1)")
      ->check(CLI::Range(1, 100))
      ->type_name("N");
  cmd->add_flag("-n,--dry-run", *dry_run, "Show what would be undone; change nothing");
  cmd->footer(
      "Undo reverts whole entries of kith history, newest first, in one transaction: an\n"
      "undone import removes what it added and restores what it updated. It refuses, changing\n"
      "nothing, when the journal was changed since by something other than kith.\n\n"
      "Examples:\n"
      "  kith undo              # the last change\n"
      "  kith undo 3 --dry-run  # what undoing the last three would take back");
  cmd->callback([&ctx, count, dry_run] {
    ctx.action = [&ctx, count, dry_run] {
      auto access = *dry_run ? Journal::Access::read : Journal::Access::write;
      auto undone = HistoryService(ctx.journal(access)).undo(*count, *dry_run);
      if (ctx.json()) {
        render::print_json(
            ctx.out(), render::Json{{"dry_run", *dry_run}, {"undone", render::to_json(undone)}});
        return;
      }
      for (const auto& entry : undone) {
        std::string line =
            " #" + std::to_string(entry.id) + " kith " + entry.command + " (" + entry.summary + ")";
        if (*dry_run) {
          ctx.out() << "would undo" << line << '\n';
        } else {
          ctx.info("undid" + line);
        }
      }
    };
  });
}

}  // namespace

void add_history_commands(CLI::App& app, Context& ctx) {
  add_history(app, ctx);
  add_undo(app, ctx);
}

}  // namespace kith::cli
