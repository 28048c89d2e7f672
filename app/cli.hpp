// The command line: builds the command tree, runs the chosen command, and turns every
// failure into one `kith: error: ...` line and its exit code.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"

namespace kith::cli {

// Runs kith with `args` (without the program name) and returns the exit status.
int run(const std::vector<std::string>& args, Io io, Environment env);

}  // namespace kith::cli
