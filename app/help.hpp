// Help a person reads: each command's examples first, its arguments and options in plain
// words (no parser notation such as "TEXT:{out,in}" or "Excludes: --no-follow-up"), and a
// pointer to the global options; the short usage a bare `kith` prints; and `kith help`.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <string>

#include "context.hpp"

namespace kith::cli {

// The formatter every command's --help goes through; set on the root before commands are
// added, so each inherits it.
std::shared_ptr<CLI::FormatterBase> help_formatter();

// What a bare `kith` prints: what kith is and the five commands a newcomer needs.
std::string short_usage();

// `kith help [COMMAND...]`: the help of the command named, as `kith COMMAND... --help`.
void add_help_command(CLI::App& app, Context& ctx);

}  // namespace kith::cli
