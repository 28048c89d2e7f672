// kith contact rm|merge: the commands that delete a contact (merge folds one into another).
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/contact.hpp"
#include "commands/options.hpp"
#include "kith/services/contact_service.hpp"
#include "render/contact_view.hpp"

namespace kith::cli {

namespace {

struct RmOptions {
  std::string ref;
  bool yes = false;
};

struct MergeOptions {
  std::string keep;
  std::string other;
};

std::string count(int n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

void run_rm(Context& ctx, const RmOptions& o) {
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
  auto [d, counts] = service.removal_preview(o.ref);
  std::string label = render::label({d.contact.id, d.contact.name});
  std::string question = "Delete " + label + " with " +
                         count(counts.conversations, "conversation") + " only with them, " +
                         count(counts.follow_ups, "follow-up") + " and " +
                         count(counts.events, "event record") + "?";
  if (!confirm(ctx, question, o.yes)) {
    ctx.info("nothing was deleted");
    return;
  }
  service.remove(d.contact.id);
  ctx.info("deleted " + label);
}

void run_merge(Context& ctx, const MergeOptions& o) {
  ContactService service(ctx.journal(Journal::Access::write), ctx.moment());
  Contact merged = service.merge(o.keep, o.other);
  if (ctx.json()) render::print_json(ctx.out(), render::to_json(merged));
  ctx.info("merged into " + render::label({merged.id, merged.name}));
}

}  // namespace

void add_contact_rm(CLI::App& contact, Context& ctx) {
  auto o = std::make_shared<RmOptions>();
  auto* cmd = contact.add_subcommand("rm", "Delete a contact and their conversations for good");
  cmd->fallthrough();
  cmd->add_option("REF", o->ref, "The contact")->required();
  cmd->add_flag("-y,--yes", o->yes, "Do not ask (needed when not on a terminal)");
  run_with(*cmd, ctx, o, run_rm);
}

void add_contact_merge(CLI::App& contact, Context& ctx) {
  auto o = std::make_shared<MergeOptions>();
  auto* cmd = contact.add_subcommand("merge", "Fold OTHER into KEEP, then delete OTHER");
  cmd->fallthrough();
  cmd->add_option("KEEP", o->keep, "The contact to keep")->required();
  cmd->add_option("OTHER", o->other, "The duplicate to fold in")->required();
  run_with(*cmd, ctx, o, run_merge);
}

}  // namespace kith::cli
