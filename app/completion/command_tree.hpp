// The command tree as the completion scripts need it: every command by its path, its
// options (and what completes their values), its positional arguments, and the global
// options accepted at every level. Read from the CLI::App, so a new command, option or
// choice completes without edits to the scripts.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace kith::cli {

// What completes an argument, as a token the scripts understand: "contacts", "events",
// "files", "none", or "=a,b,c" for a fixed set of values.
using Token = std::string;

struct OptionSpec {
  std::vector<std::string> names;  // "-e", "--email"
  Token value;                     // empty for a flag
  std::string help;
};

// One command of the tree, by its path of canonical names ("" is kith itself).
struct CommandSpec {
  std::string path;
  std::vector<std::string> words;  // the name and the aliases that select it from its parent
  std::string help;
  std::vector<std::pair<std::string, std::string>> children;  // name, help
  std::vector<OptionSpec> options;
  std::vector<Token> positionals;
  bool last_repeats = false;  // the last positional takes many words (log REF...)
};

// The tree, kith itself first; its options are the global ones, accepted at every level.
struct CommandTree {
  std::vector<CommandSpec> commands;
  std::set<std::string> global_names;

  const std::vector<OptionSpec>& globals() const { return commands.front().options; }
  bool global(const OptionSpec& o) const { return global_names.contains(o.names.back()); }
};

// Walks the whole tree below `root`; commands whose name starts with "_" are left out.
CommandTree walk(const CLI::App& root);

// The names of `c`'s own options (not the global ones); with `values_only`, of those that
// take a value.
std::vector<std::string> option_names(const CommandTree& tree, const CommandSpec& c,
                                      bool values_only);
// The names of the global options; with `values_only`, of those that take a value.
std::vector<std::string> global_names(const CommandTree& tree, bool values_only);

// Calls emit(labels, path) for each command but kith itself, with the case labels
// "PARENT|WORD" that select it (one per name and alias); the same text serves bash and zsh.
template <typename Emit>
void for_each_child(const CommandTree& tree, Emit emit) {
  for (const auto& c : tree.commands) {
    if (c.path.empty()) continue;
    auto space = c.path.rfind(' ');
    std::string parent = space == std::string::npos ? "" : c.path.substr(0, space);
    std::vector<std::string> labels;
    for (const auto& w : c.words) labels.push_back(parent + "|" + w);
    emit(labels, c.path);
  }
}

// Calls emit(labels, token, any_path) for each option whose value completes: the labels
// "PATH|OPTION" map it to its token; a global option's labels match under any path.
template <typename Emit>
void for_each_value(const CommandTree& tree, Emit emit) {
  for (const auto& c : tree.commands) {
    for (const auto& o : c.options) {
      if (c.path.empty() || tree.global(o) || o.value.empty() || o.value == "none") continue;
      std::vector<std::string> labels;
      for (const auto& n : o.names) labels.push_back(c.path + "|" + n);
      emit(labels, o.value, false);
    }
  }
  for (const auto& o : tree.globals()) {
    if (o.value.empty() || o.value == "none") continue;
    std::vector<std::string> labels;
    for (const auto& n : o.names) labels.push_back("|" + n);
    emit(labels, o.value, true);
  }
}

}  // namespace kith::cli
