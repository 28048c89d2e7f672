// kith demo: a sample journal in a throwaway file (or --db PATH, which must not exist yet),
// never the user's own, and what kith shows for it on a typical morning.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/error.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/services/demo_journal.hpp"
#include "kith/services/due_service.hpp"
#include "render/contact_view.hpp"
#include "render/due_view.hpp"

namespace kith::cli {

namespace {

std::filesystem::path throwaway_path(Context& ctx) {
  std::string dir = ctx.env("TMPDIR").value_or("/tmp");
  if (dir.empty() || dir.front() != '/') dir = "/tmp";
  std::string pattern = dir + "/kith-demo-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw Error(ErrorKind::cant_create, "cannot create a directory for the demo in " + dir);
  }
  return std::filesystem::path(pattern) / "journal.db";
}

void run_demo(Context& ctx) {
  std::filesystem::path path;
  if (!ctx.options().db.empty()) {
    path = ctx.options().db;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      throw Error(ErrorKind::cant_create,
                  path.string() + " already exists; the demo only writes a new file");
    }
  } else {
    path = throwaway_path(ctx);
  }
  ctx.use_journal(Journal::open(path, Journal::Access::write));
  Journal& journal = ctx.journal(Journal::Access::write);
  Moment moment = ctx.moment();
  fill_demo_journal(journal, moment, ctx.settings());

  ContactService contacts(journal, moment);
  render::print_contact_list(ctx.out(), contacts.list({}), moment.today, ctx.color());
  ctx.out() << "\n$ kith due --within 3d\n";
  DueService due(journal, ctx.settings());
  render::print_due(ctx.out(), due.compute(moment.today, Interval{3, Interval::Unit::day}),
                    ctx.color());
  ctx.info("demo journal written to " + path.string());
  ctx.info("explore it: kith --db " + path.string() + " timeline ada");
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx) {
  auto* demo = app.add_subcommand("demo", "Build a sample journal in a throwaway file and show it");
  demo->fallthrough();
  run_with(*demo, ctx, run_demo);
}

}  // namespace kith::cli
