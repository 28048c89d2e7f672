// kith backup, restore and check: looking after the journal file itself. A backup is a
// consistent private copy, even while another kith writes; a restore checks the backup first
// and keeps the journal it replaces; a check only reads, and says what to do about each
// problem it finds.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "kith/services/maintenance_service.hpp"
#include "render/json.hpp"
#include "render/maintenance_view.hpp"

namespace kith::cli {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
  std::string path;  // empty: the backups directory beside the journal
  bool force = false;
};

struct RestoreOptions {
  std::string path;
};

struct CheckOptions {
  bool full = false;
};

void run_backup(Context& ctx, const BackupOptions& o) {
  fs::path journal = ctx.journal_path();
  std::error_code ec;
  if (!fs::exists(journal, ec)) {
    throw Error(ErrorKind::not_found, "no journal at " + journal.string() +
                                          "; nothing to back up (check --db or KITH_DB)");
  }
  Journal& opened = ctx.journal(Journal::Access::read);
  BackupResult backup = backup_journal(opened, journal, o.path, o.force, ctx.moment());
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(journal, backup));
  } else {
    ctx.out() << backup.path.string() << '\n';
  }
  ctx.info("backed up " + journal.string() + " to " + backup.path.string());
}

void run_restore(Context& ctx, const RestoreOptions& o) {
  fs::path journal = ctx.journal_path();
  RestoreResult result = restore_journal(journal, o.path, ctx.moment());
  if (ctx.json()) {
    render::print_json(ctx.out(), render::restore_json(journal, o.path, result));
  } else if (result.aside) {
    ctx.out() << result.aside->string() << '\n';
  }
  ctx.info(render::restore_message(journal, o.path, result));
}

void run_check(Context& ctx, const CheckOptions& o) {
  fs::path journal = ctx.journal_path();
  CheckReport report = check_journal(journal, o.full);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(journal, report));
  const std::string shown = journal.string();
  if (!report.problems.empty()) {
    if (!ctx.json()) render::print_check_problems(ctx.err(), shown, report);
    throw Error(ErrorKind::corrupt, render::check_failure(shown, report));
  }
  for (const auto& note : report.notes) ctx.info("note: " + note);
  ctx.info(render::check_success(shown, report));
}

}  // namespace

void add_maintenance_commands(CLI::App& app, Context& ctx) {
  auto b = std::make_shared<BackupOptions>();
  auto* backup = app.add_subcommand("backup", "Copy the journal, consistently, to a private file");
  backup->fallthrough();
  backup->footer(R"(Examples:
  kith backup                           # into backups/ beside the journal, named by the time
  kith backup ~/Dropbox/kith.db         # a file of your choosing (or a directory)
  kith backup ~/Dropbox/kith.db --force # replace last week's copy
The copy is one consistent state even while another kith writes. It is private (0600),
written whole or not at all, and prints its path on standard output.)");
  backup->add_option("PATH", b->path, "Where to write the copy (a file or a directory)")
      ->type_name("PATH");
  backup->add_flag("--force", b->force, "Replace PATH if it exists");
  run_with(*backup, ctx, b, run_backup);

  auto r = std::make_shared<RestoreOptions>();
  auto* restore = app.add_subcommand("restore", "Put a backup in place of the journal");
  restore->fallthrough();
  restore->footer(R"(Examples:
  kith restore ~/.local/share/kith/backups/journal-20261126T154200Z.db
The backup is checked first (a kith journal, undamaged, not from a newer kith). The journal
it replaces is kept in the backups directory and its path printed, so a restore can be
undone by restoring that file; no confirmation is asked.)");
  restore->add_option("PATH", r->path, "The backup to restore")->required()->type_name("PATH");
  run_with(*restore, ctx, r, run_restore);

  auto c = std::make_shared<CheckOptions>();
  auto* check = app.add_subcommand("check", "Check the journal for damage and broken rules");
  check->fallthrough();
  check->footer(R"(Examples:
  kith check                            # quick: a few seconds even for a large journal
  kith check --full                     # SQLite's full integrity check as well
Never changes the journal. Exit status 65 when a problem is found, each with what to do.)");
  check->add_flag("--full", c->full, "Run SQLite's integrity_check instead of quick_check");
  run_with(*check, ctx, c, run_check);
}

}  // namespace kith::cli
