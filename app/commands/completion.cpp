// kith completion bash|zsh|fish, and the hidden `kith __complete contacts|events [PREFIX]`
// that the scripts call for names. The scripts are generated from the command tree as it is
// when they are printed (completion/), so a new command, option or choice completes without
// edits here.
#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "completion/command_tree.hpp"
#include "completion/completion_script.hpp"
#include "kith/services/search_service.hpp"

namespace kith::cli {

namespace {

struct CompletionOptions {
  const CLI::App* root = nullptr;  // the whole tree, walked when the script is printed
  std::string shell;
};

struct CompleteNamesOptions {
  std::string kind;
  std::string prefix;
};

void run_completion(Context& ctx, const CompletionOptions& o) {
  CommandTree tree = walk(*o.root);
  if (o.shell == "bash") print_bash(ctx.out(), tree);
  if (o.shell == "zsh") print_zsh(ctx.out(), tree);
  if (o.shell == "fish") print_fish(ctx.out(), tree);
}

// Contact or event names starting with the prefix, one a line. Completion is silent: a
// missing, unreadable or foreign journal completes nothing.
void run_complete_names(Context& ctx, const CompleteNamesOptions& o) {
  std::vector<std::string> names;
  try {
    Journal& journal = ctx.journal(Journal::Access::read, true);
    if (o.kind != "contacts" && o.kind != "events") return;
    SearchKind kind = o.kind == "events" ? SearchKind::event : SearchKind::contact;
    names = SearchService(journal).names_starting_with(kind, o.prefix);
  } catch (...) {
    return;
  }
  for (const auto& name : names) ctx.out() << name << '\n';
}

}  // namespace

void add_completion_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CompletionOptions>();
  o->root = &app;
  auto* completion = app.add_subcommand("completion", "Print a shell completion script");
  completion->fallthrough();
  completion->add_option("SHELL", o->shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->footer(
      "Examples:\n"
      "  source <(kith completion bash)        # in ~/.bashrc\n"
      "  source <(kith completion zsh)         # in ~/.zshrc, after compinit\n"
      "  kith completion fish | source         # in ~/.config/fish/config.fish\n"
      "The Debian package installs all three; nothing to do there.");
  run_with(*completion, ctx, o, run_completion);

  auto names = std::make_shared<CompleteNamesOptions>();
  auto* helper = app.add_subcommand("__complete", "Names for shell completion, one a line");
  helper->group("");
  helper->fallthrough();
  helper->add_option("KIND", names->kind, "contacts or events")->required();
  helper->add_option("PREFIX", names->prefix, "The start of the name, in any case and accents");
  run_with(*helper, ctx, names, run_complete_names);
}

}  // namespace kith::cli
