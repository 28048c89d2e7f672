#include "completion/command_tree.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "render/table.hpp"

namespace kith::cli {

namespace {

// The placeholder names that say what an argument refers to, whatever the command.
const std::map<std::string, Token, std::less<>> k_kinds{
    {"REF", "contacts"}, {"KEEP", "contacts"}, {"OTHER", "contacts"}, {"EVENT", "events"},
    {"FILE", "files"},   {"PATH", "files"},    {"DIR", "files"}};

// An IsMember validator describes its set as "{a,b,c}", which CLI11 appends to the type
// name ("WHEN:{auto,always,never}"): read the choices from there, so they have one source.
Token token_for(const CLI::Option& option, const std::string& placeholder) {
  std::string type = option.get_type_name();
  auto open = type.rfind(":{");
  if (open != std::string::npos && type.back() == '}') {
    return "=" + type.substr(open + 2, type.size() - open - 3);
  }
  auto kind = k_kinds.find(placeholder);
  return kind == k_kinds.end() ? "none" : kind->second;
}

void collect(const CLI::App& app, const std::string& path, std::vector<CommandSpec>& out) {
  CommandSpec spec{path, {app.get_name()}, render::one_line(app.get_description()), {}, {}, {},
                   false};
  for (const auto& alias : app.get_aliases()) spec.words.push_back(alias);
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) {
      spec.positionals.push_back(token_for(*option, option->get_single_name()));
      spec.last_repeats = option->get_items_expected_max() > 1;
      continue;
    }
    OptionSpec o;
    for (const auto& s : option->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : option->get_lnames()) o.names.push_back("--" + l);
    if (option->get_expected_max() != 0) {
      std::string type = option->get_type_name();
      o.value = token_for(*option, type.substr(0, type.find(':')));
    }
    o.help = render::one_line(option->get_description());
    spec.options.push_back(std::move(o));
  }
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name().starts_with("_")) continue;  // helpers such as __complete
    spec.children.emplace_back(sub->get_name(), render::one_line(sub->get_description()));
    subs.push_back(sub);
  }
  out.push_back(std::move(spec));
  for (const CLI::App* sub : subs) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

}  // namespace

CommandTree walk(const CLI::App& root) {
  CommandTree tree;
  collect(root, "", tree.commands);
  for (const auto& o : tree.globals()) tree.global_names.insert(o.names.begin(), o.names.end());
  return tree;
}

std::vector<std::string> option_names(const CommandTree& tree, const CommandSpec& c,
                                      bool values_only) {
  std::vector<std::string> out;
  for (const auto& o : c.options) {
    if (tree.global(o) || (values_only && o.value.empty())) continue;
    out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

std::vector<std::string> global_names(const CommandTree& tree, bool values_only) {
  std::vector<std::string> out;
  for (const auto& o : tree.globals()) {
    if (!values_only || !o.value.empty()) out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

}  // namespace kith::cli
