#include "help.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>

#include "commands/command.hpp"
#include "kith/error.hpp"
#include "usage_error.hpp"

namespace kith::cli {

namespace {

// A command's footer split in two: its "Examples:" (or "Example:") block, shown first, and the
// notes after it.
std::pair<std::string, std::string> split_footer(const std::string& footer) {
  if (!footer.starts_with("Examples:") && !footer.starts_with("Example:")) return {"", footer};
  std::size_t end = footer.find('\n');
  while (end != std::string::npos && footer.compare(end + 1, 2, "  ") == 0) {
    end = footer.find('\n', end + 1);
  }
  if (end == std::string::npos) return {footer, ""};
  return {footer.substr(0, end), footer.substr(end + 1)};
}

// The root of the command tree `app` belongs to.
const CLI::App& root_of(const CLI::App& app) {
  const CLI::App* at = &app;
  while (at->get_parent() != nullptr) at = at->get_parent();
  return *at;
}

// The name of the value an option takes ("WHEN", "out|in", "HH:MM"), without the checks CLI11
// appends to it (":{out,in}", ":INT in [1 - 100]"); empty for a flag.
std::string value_name(const CLI::Option& option) {
  if (option.get_type_size() == 0) return "";
  const std::string type = option.get_type_name();
  for (std::size_t colon = type.find(':'); colon != std::string::npos;
       colon = type.find(':', colon + 1)) {
    if (type.compare(colon + 1, 1, "{") == 0 || type.find(' ', colon) != std::string::npos) {
      return type.substr(0, colon);
    }
  }
  return type;
}

constexpr std::size_t k_screen = 80;

// `text` broken at spaces into lines of at most `width` columns, each after the first
// indented by `indent` spaces.
std::string wrapped(const std::string& text, std::size_t width = k_screen, std::size_t indent = 0) {
  std::string out;
  std::size_t line_start = 0;
  std::size_t word_start = 0;
  while (word_start < text.size()) {
    std::size_t word_end = text.find(' ', word_start);
    if (word_end == std::string::npos) word_end = text.size();
    if (word_end - line_start > width && word_start > line_start) {
      out.back() = '\n';
      out.append(indent, ' ');
      line_start = word_start;
    }
    out += text.substr(word_start, word_end - word_start) + ' ';
    word_start = word_end + 1;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

// `text` with each line longer than the screen broken at spaces.
std::string fitted(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += wrapped(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

// The "Examples:" block made to fit the screen without breaking a command: when a line is
// too wide, the "# comments" are aligned closer to the commands, or else each goes on a line
// of its own below its command.
std::string fitted_examples(const std::string& block) {
  std::vector<std::pair<std::string, std::string>> lines;  // command, comment
  std::size_t widest = 0;
  std::size_t width = 0;  // the command column: the longest command that has a comment
  std::istringstream in(block);
  for (std::string line; std::getline(in, line);) {
    widest = std::max(widest, line.size());
    const std::size_t hash = line.find(" # ");
    if (hash == std::string::npos) {
      lines.emplace_back(line, "");
      continue;
    }
    lines.emplace_back(line.substr(0, line.find_last_not_of(' ', hash) + 1), line.substr(hash + 1));
    width = std::max(width, lines.back().first.size());
  }
  if (widest <= k_screen) return block + '\n';
  bool aligned_fits = true;
  for (const auto& [command, comment] : lines) {
    if (!comment.empty() && width + 2 + comment.size() > k_screen) aligned_fits = false;
  }
  std::string out;
  for (const auto& [command, comment] : lines) {
    out += command;
    if (!comment.empty() && aligned_fits) {
      out += std::string(width + 2 - command.size(), ' ') + comment;
    } else if (!comment.empty()) {
      out += "\n      " + comment;
    }
    out += '\n';
  }
  return out;
}

class Formatter : public CLI::Formatter {
 public:
  Formatter() {
    label("Positionals", "Arguments");
    label("Subcommands", "Commands");
    label("SUBCOMMAND", "COMMAND");
    column_width(26);
  }

  std::string make_option(const CLI::Option* option, bool is_positional) const override {
    return row(make_option_name(option, is_positional) + make_option_opts(option),
               make_option_desc(option));
  }

  // CLI11 heads the list with the subcommands' group name, "Subcommands".
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    if (out.starts_with("\nSubcommands:")) out.replace(1, 11, "Commands");
    return out;
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return row(sub->get_display_name(true), sub->get_description());
  }

  // " VALUE" for an option that takes one, in the words its type name gives ("out|in"),
  // without the parser's notes (":{out,in}", "REQUIRED", "Excludes: ...").
  std::string make_option_opts(const CLI::Option* option) const override {
    if (option->get_positional()) return "";  // its name says what it is
    const std::string type = value_name(*option);
    return type.empty() ? "" : " " + type;
  }

  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    const auto [examples, notes] = split_footer(app->get_footer());
    std::ostringstream out;
    out << make_description(app) << '\n';
    if (!examples.empty()) out << fitted_examples(examples) << '\n';
    out << make_usage(app, name);
    out << make_positionals(app);
    out << make_groups(app, mode);
    out << make_subcommands(app, mode);
    if (!notes.empty()) out << '\n' << fitted(notes) << '\n';
    if (app->get_parent() != nullptr) out << '\n' << global_options(root_of(*app)) << '\n';
    return out.str();
  }

 private:
  // "  NAME    description", the description wrapped to the screen beside the names.
  std::string row(const std::string& name, const std::string& description) const {
    const std::size_t width = get_column_width();
    std::string out = "  " + name;
    if (out.size() + 1 > width) {
      out += '\n';
      out.append(width, ' ');
    } else {
      out.append(width - out.size(), ' ');
    }
    return out + wrapped(description, k_screen - width, width) + '\n';
  }

  // One line naming the options every command takes.
  static std::string global_options(const CLI::App& root) {
    std::string names;
    for (const CLI::Option* option : root.get_options()) {
      if (option == root.get_help_ptr() || option == root.get_version_ptr()) continue;
      std::string shown = option->get_name(false, true);
      shown = shown.substr(0, shown.find(','));  // "-q" of "-q,--quiet"
      if (const std::string type = value_name(*option); !type.empty()) shown += " " + type;
      names += (names.empty() ? "" : ", ") + shown;
    }
    return wrapped("Global options, before or after the command: " + names + "; see kith --help.");
  }
};

struct HelpOptions {
  const CLI::App* root = nullptr;
  std::vector<std::string> words;
};

void run_help(Context& ctx, const HelpOptions& o) {
  const CLI::App* at = o.root;
  std::string parent;  // the words before the command named: "kith contact" for "contact add"
  std::string path = "kith";
  for (const std::string& word : o.words) {
    const CLI::App* next = nullptr;
    std::vector<std::string> names;
    for (const CLI::App* sub : at->get_subcommands({})) {
      if (sub->get_name().empty() || sub->get_name().starts_with("_")) continue;
      if (sub->check_name(word)) next = sub;
      if (!sub->get_group().empty()) names.push_back(sub->get_name());
    }
    if (next == nullptr) throw Error(ErrorKind::usage, unknown_command(path, word, names));
    parent = path;
    path += " " + next->get_name();
    at = next;
  }
  // The root's own help, not that of the command chosen (help itself), as help() would give.
  ctx.out() << (at == o.root ? o.root->get_formatter()->make_help(o.root, "kith", {})
                             : at->help(parent));
}

}  // namespace

std::shared_ptr<CLI::FormatterBase> help_formatter() { return std::make_shared<Formatter>(); }

std::string short_usage() {
  return R"(kith - a networking journal: who you met, what you said, whom to contact next.

Start here:
  kith add "Ada Lovelace" --company Analytical   someone you know or just met
  kith log ada -m "coffee, talked about Rust"    what you talked about
  kith follow-up add ada fri "send the link"     a promise to get back to her
  kith due                                       what to do today
  kith show ada                                  everything about a person

  kith demo                                      try it on a sample journal
  kith help [COMMAND]                            all commands, or one in detail
)";
}

void add_help_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<HelpOptions>();
  o->root = &app;
  auto* help = app.add_subcommand("help", "Show the help of kith or of a command");
  help->fallthrough();
  help->add_option("COMMAND", o->words, "The command, e.g. log or follow-up add");
  run_with(*help, ctx, o, run_help);
}

}  // namespace kith::cli
