// The one shape of a command. Each command file holds, per command:
//
//   struct DueOptions { ... };                          // what the command line gave
//   void run_due(Context&, const DueOptions&);          // one service call, one renderer
//   void add_due_command(CLI::App&, Context&);          // declares options, then run_with()
//
// run_with() wires the three together: CLI11 fills the options while it parses, and the
// command runs once parsing (global options included, in any position) is complete.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string_view>

#include "context.hpp"

namespace kith::cli {

// Runs `run` with the parsed options when `command` was chosen on the command line.
template <class Options>
void run_with(CLI::App& command, Context& ctx, std::shared_ptr<Options> options,
              void (*run)(Context&, const Options&)) {
  command.callback(
      [&ctx, options, run] { ctx.action = [&ctx, options, run] { run(ctx, *options); }; });
}

// The same for a command that takes no options of its own.
inline void run_with(CLI::App& command, Context& ctx, void (*run)(Context&)) {
  command.callback([&ctx, run] { ctx.action = [&ctx, run] { run(ctx); }; });
}

// One subcommand of a group: its name, its alias (or empty) and the function that adds it.
struct Subcommand {
  std::string_view name;
  std::string_view alias;
  void (*add)(CLI::App& group, Context& ctx);
};

// Adds a group's subcommands, in order. Start-up builds only the one the command line chose
// (Context::chosen_subcommand) when the word names one, and every one otherwise, so help,
// errors and completion see them all.
inline void add_subcommands(CLI::App& group, Context& ctx, std::initializer_list<Subcommand> subs) {
  const std::string_view word = ctx.chosen_subcommand();
  auto chosen = std::find_if(subs.begin(), subs.end(), [word](const Subcommand& s) {
    return !word.empty() && (s.name == word || s.alias == word);
  });
  if (chosen != subs.end()) return chosen->add(group, ctx);
  for (const Subcommand& s : subs) s.add(group, ctx);
}

}  // namespace kith::cli
