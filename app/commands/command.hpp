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
#include <memory>

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

}  // namespace kith::cli
