// kith brief REF: the one screen to read before meeting someone.
#include <CLI/CLI.hpp>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "kith/services/brief_service.hpp"
#include "render/brief_view.hpp"
#include "render/json.hpp"

namespace kith::cli {

namespace {

struct BriefOptions {
  std::string ref;
};

void run_brief(Context& ctx, const BriefOptions& o) {
  auto brief = BriefService(ctx.journal(Journal::Access::read), ctx.settings()).brief(o.ref);
  if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(brief));
  } else {
    render::print_brief(ctx.out(), brief, ctx.settings(), ctx.moment().today, ctx.color());
  }
}

}  // namespace

void add_brief_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BriefOptions>();
  auto* cmd =
      app.add_subcommand("brief", "Before you meet someone: who, how you met, what is open");
  cmd->fallthrough();
  cmd->add_option("ref", o->ref, "The contact: id, email, profile URL or part of the name")
      ->required()
      ->type_name("REF");
  cmd->footer(
      "Shows the contact, who introduced you and whom they introduced, where you met, the\n"
      "last three conversations, open follow-ups, the keep-in-touch cadence, and people you\n"
      "know in common (same company, same events).\n\n"
      "Examples:\n"
      "  kith brief ada\n"
      "  kith brief ada@example.com --json");
  run_with(*cmd, ctx, o, run_brief);
}

}  // namespace kith::cli
