#include "usage_error.hpp"

#include <algorithm>
#include <cctype>

#include "kith/util/nearest.hpp"

namespace kith::cli {

namespace {

// "kith follow-up add" for the command `command`.
std::string path_of(const CLI::App& command) {
  std::string path;
  for (const CLI::App* at = &command; at != nullptr; at = at->get_parent()) {
    path = at->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

// The command chosen on the command line: the last of the parsed subcommands.
const CLI::App& chosen(const CLI::App& root) {
  const CLI::App* at = &root;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return *at;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

// The arguments and options that took one value, which words after it may belong to
// ("Grace" of NAME in `kith add Grace Brewster Hopper`).
std::vector<const CLI::Option*> single_values(const CLI::App& command) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* option : command.get_options()) {
    if (option->count() == 1 && option->get_expected_max() == 1 && option->get_type_size() != 0) {
      out.push_back(option);
    }
  }
  return out;
}

// What the hint calls the value of `option`: "a name" for NAME and REF, "a note" for NOTE,
// "a value" for an option's.
std::string value_noun(const CLI::Option& option) {
  if (!option.get_positional()) return "a value";
  std::string name = option.get_name();
  if (name == "REF") return "a name";
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "a " + name;
}

// `args` from the command word on (the global options before it are beside the point), with
// `value` and the `extras` right after it joined into one quoted word; empty when the extras
// do not follow the value.
std::vector<std::string> quoted(const std::vector<std::string>& all, const std::string& value,
                                const std::vector<std::string>& extras, std::string_view word) {
  const auto from = std::find(all.begin(), all.end(), word);
  const std::vector<std::string> args(from == all.end() ? all.begin() : from, all.end());
  for (std::size_t i = 0; i + extras.size() < args.size(); ++i) {
    if (args[i] != value || !std::equal(extras.begin(), extras.end(),
                                        args.begin() + static_cast<std::ptrdiff_t>(i) + 1)) {
      continue;
    }
    std::vector<std::string> out(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(shell_word(value + " " + join(extras, " ")));
    for (std::size_t j = i + 1 + extras.size(); j < args.size(); ++j) {
      out.push_back(shell_word(args[j]));
    }
    for (std::size_t j = 0; j < i; ++j) out[j] = shell_word(out[j]);
    return out;
  }
  return {};
}

// The word on the command line that chose `top`, the command under the root (its name or an
// alias such as "fu").
std::string command_word(const CLI::App& top, const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (top.check_name(arg)) return arg;
  }
  return top.get_name();
}

}  // namespace

std::string shell_word(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
  });
  if (plain) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string unknown_command(std::string_view path, std::string_view word,
                            const std::vector<std::string>& names) {
  std::string prefix(path.substr(std::min(path.size(), std::string_view("kith ").size())));
  if (!prefix.empty()) prefix += " ";
  std::string message = "unknown command '" + prefix + std::string(word) + "'";
  if (auto near = nearest(word, names)) return message + "; did you mean '" + prefix + *near + "'?";
  return message + "; see " + std::string(path) + " --help";
}

std::string unknown_option(std::string_view typed, const CLI::App& command) {
  const std::string option(typed.substr(0, typed.find('=')));
  std::vector<std::string> names;
  for (const CLI::App* at = &command; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* o : at->get_options()) {
      if (o->get_positional()) continue;
      for (const std::string& name : o->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : o->get_snames()) names.push_back("-" + name);
    }
  }
  std::string message = "unknown option '" + option + "'";
  std::optional<std::string> near;
  if (option.size() == 2 && option[0] == '-') {
    // A short option kith lacks: the one long option that starts with its letter (-v: --version).
    const std::string start = "--" + option.substr(1);
    for (const std::string& name : names) {
      if (!name.starts_with(start)) continue;
      if (near && *near != name) {
        near.reset();
        break;
      }
      near = name;
    }
  } else {
    near = nearest(option, names);
  }
  if (near) return message + "; did you mean '" + *near + "'?";
  return message + "; see " + path_of(command) + " --help";
}

std::string unexpected_arguments(const CLI::App& root, const std::vector<std::string>& args) {
  const CLI::App& command = chosen(root);
  const std::vector<std::string> extras = root.remaining(true);
  for (const std::string& extra : extras) {
    if (extra.size() > 1 && extra.front() == '-') return unknown_option(extra, command);
  }
  std::string message =
      std::string(extras.size() > 1 ? "unexpected arguments '" : "unexpected argument '") +
      join(extras, " ") + "'";
  const CLI::App* top = &command;
  while (top->get_parent() != nullptr && top->get_parent()->get_parent() != nullptr) {
    top = top->get_parent();
  }
  for (const CLI::Option* option : single_values(command)) {
    std::vector<std::string> fixed =
        quoted(args, option->results().front(), extras, command_word(*top, args));
    if (!fixed.empty()) {
      return message + "; quote " + value_noun(*option) + " with spaces: kith " + join(fixed, " ");
    }
  }
  return message + "; see " + path_of(command) + " --help";
}

}  // namespace kith::cli
