// The completion scripts for bash, zsh and fish: tables generated from the command tree
// (what each command accepts), followed by each shell's fixed functions, which live in
// app/completion/kith.{bash,zsh,fish} and are embedded in kith when it is built.
#pragma once

#include <ostream>

#include "completion/command_tree.hpp"

namespace kith::cli {

void print_bash(std::ostream& out, const CommandTree& tree);
void print_zsh(std::ostream& out, const CommandTree& tree);
void print_fish(std::ostream& out, const CommandTree& tree);

}  // namespace kith::cli
