// kith backup, restore and check: looking after the journal file itself. A backup is a
// consistent private copy, even while another kith writes; a restore checks the backup first
// and keeps the journal it replaces; a check only reads, and says what to do about each
// problem it finds.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "kith/services/maintenance_service.hpp"
#include "kith/storage/backup.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

namespace fs = std::filesystem;

struct BackupOptionsCli {
  std::string path;  // empty: the backups directory beside the journal
  bool force = false;
};

struct RestoreOptionsCli {
  std::string path;
};

struct CheckOptionsCli {
  bool full = false;
};

void run_backup(Context& ctx, const BackupOptionsCli& o) {
  fs::path journal = ctx.journal_path();
  std::error_code ec;
  if (!fs::exists(journal, ec)) {
    throw Error(ErrorKind::not_found, "no journal at " + journal.string() +
                                          "; nothing to back up (check --db or KITH_DB)");
  }
  Journal& opened = ctx.journal(Journal::Access::read);
  std::string stamp = backup_stamp(ctx.moment().now_utc);
  fs::path target;
  if (o.path.empty()) {
    target = unused_backup_path(journal, stamp);
    backup_database(opened.database(), target);
  } else {
    target = o.path;
    // A directory gets a file named as in the backups directory.
    if (fs::is_directory(target, ec)) target /= default_backup_path(journal, stamp).filename();
    backup_database(opened.database(), target, o.force);
  }
  if (ctx.json()) {
    render::print_json(ctx.out(), render::Json{{"journal", journal.string()},
                                               {"backup", target.string()},
                                               {"bytes", fs::file_size(target, ec)}});
  } else {
    ctx.out() << target.string() << '\n';
  }
  ctx.info("backed up " + journal.string() + " to " + target.string());
}

void run_restore(Context& ctx, const RestoreOptionsCli& o) {
  fs::path journal = ctx.journal_path();
  RestoreResult result = restore_journal(journal, o.path, ctx.moment());
  std::string aside = result.aside ? result.aside->string() : std::string();
  if (ctx.json()) {
    render::print_json(ctx.out(),
                       render::Json{{"journal", journal.string()},
                                    {"restored_from", o.path},
                                    {"backup_schema_version", result.backup_version},
                                    {"schema_version", result.journal_version},
                                    {"kept_aside", result.aside ? render::Json(aside) : nullptr}});
  } else if (result.aside) {
    ctx.out() << aside << '\n';
  }
  std::string message = "restored " + journal.string() + " from " + o.path;
  if (result.backup_version < result.journal_version) {
    message += " (upgraded from schema " + std::to_string(result.backup_version) + " to " +
               std::to_string(result.journal_version) + ")";
  }
  if (result.aside) {
    message +=
        "; the journal it replaced is kept at " + aside + " (kith restore that file to go back)";
  }
  ctx.info(message);
}

render::Json report_json(const fs::path& journal, const CheckReport& report) {
  render::Json problems = render::Json::array();
  for (const auto& p : report.problems) problems.push_back({{"problem", p.what}, {"fix", p.fix}});
  return render::Json{{"journal", journal.string()},
                      {"check", report.full ? "full" : "quick"},
                      {"schema_version", report.schema_version},
                      {"ok", report.problems.empty()},
                      {"problems", problems},
                      {"notes", report.notes}};
}

void run_check(Context& ctx, const CheckOptionsCli& o) {
  fs::path journal = ctx.journal_path();
  CheckReport report = check_journal(journal, o.full);
  if (ctx.json()) render::print_json(ctx.out(), report_json(journal, report));
  const std::string shown = journal.string();
  if (!report.problems.empty()) {
    if (!ctx.json()) {
      for (const auto& p : report.problems) {
        ctx.err() << "kith: error: " << shown << ": " << p.what << "; " << p.fix << '\n';
      }
    }
    std::size_t n = report.problems.size();
    throw Error(ErrorKind::corrupt, "the check found " + std::to_string(n) +
                                        (n == 1 ? " problem" : " problems") + " in " + shown +
                                        "; the check changed nothing");
  }
  for (const auto& note : report.notes) ctx.info("note: " + note);
  // An older schema has no search index yet, so none was checked.
  bool indexed = report.schema_version == Journal::latest_version();
  ctx.info(shown + " is fine (" + (o.full ? "integrity check" : "quick check") +
           (indexed ? ", foreign keys, kith's rules and the search index"
                    : ", foreign keys and kith's rules") +
           "; schema " + std::to_string(report.schema_version) + ")");
}

}  // namespace

void add_maintenance_commands(CLI::App& app, Context& ctx) {
  auto b = std::make_shared<BackupOptionsCli>();
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
  backup->callback([&ctx, b] { ctx.action = [&ctx, b] { run_backup(ctx, *b); }; });

  auto r = std::make_shared<RestoreOptionsCli>();
  auto* restore = app.add_subcommand("restore", "Put a backup in place of the journal");
  restore->fallthrough();
  restore->footer(R"(Examples:
  kith restore ~/.local/share/kith/backups/journal-20261126T154200Z.db
The backup is checked first (a kith journal, undamaged, not from a newer kith). The journal
it replaces is kept in the backups directory and its path printed, so a restore can be
undone by restoring that file; no confirmation is asked.)");
  restore->add_option("PATH", r->path, "The backup to restore")->required()->type_name("PATH");
  restore->callback([&ctx, r] { ctx.action = [&ctx, r] { run_restore(ctx, *r); }; });

  auto c = std::make_shared<CheckOptionsCli>();
  auto* check = app.add_subcommand("check", "Check the journal for damage and broken rules");
  check->fallthrough();
  check->footer(R"(Examples:
  kith check                            # quick: a few seconds even for a large journal
  kith check --full                     # SQLite's full integrity check as well
Never changes the journal. Exit status 65 when a problem is found, each with what to do.)");
  check->add_flag("--full", c->full, "Run SQLite's integrity_check instead of quick_check");
  check->callback([&ctx, c] { ctx.action = [&ctx, c] { run_check(ctx, *c); }; });
}

}  // namespace kith::cli
