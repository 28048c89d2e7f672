// kith brief REF: the one screen to read before meeting someone.
#include <CLI/CLI.hpp>

#include "commands/commands.hpp"
#include "kith/services/brief_service.hpp"
#include "render/json.hpp"
#include "render/search_view.hpp"

namespace kith::cli {

void add_brief_command(CLI::App& app, Context& ctx) {
  auto ref = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("brief", "Before you meet someone: who, how you met, what is open");
  cmd->fallthrough();
  cmd->add_option("ref", *ref, "The contact: id, email, profile URL or part of the name")
      ->required()
      ->type_name("REF");
  cmd->footer(
      "Shows the contact, who introduced you and whom they introduced, where you met, the\n"
      "last three conversations, open follow-ups, the keep-in-touch cadence, and people you\n"
      "know in common (same company, same events).\n\n"
      "Examples:\n"
      "  kith brief ada\n"
      "  kith brief ada@example.com --json");
  cmd->callback([&ctx, ref] {
    ctx.action = [&ctx, ref] {
      auto brief = BriefService(ctx.journal(Journal::Access::read), ctx.settings()).brief(*ref);
      if (ctx.json()) {
        render::print_json(ctx.out(), render::to_json(brief));
      } else {
        render::print_brief(ctx.out(), brief, ctx.settings(), ctx.moment().today, ctx.color());
      }
    };
  });
}

}  // namespace kith::cli
