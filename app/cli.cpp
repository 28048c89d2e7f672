// GCC 12 at -O2 reports a false "potential null pointer dereference" inside libstdc++'s
// vector<string> relocation once CLI11's string splitting is inlined here (as in log.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <ostream>
#include <string_view>
#include <utility>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "help.hpp"
#include "kith/error.hpp"
#include "render/safe_stream.hpp"
#include "render/table.hpp"
#include "text_gate.hpp"
#include "usage_error.hpp"
#include "version.hpp"

namespace kith::cli {

namespace {

constexpr const char* k_description =
    R"(kith - a networking journal: who you met, what you said, whom to contact next.

Examples:
  kith add "Ada Lovelace" --email ada@example.com --company Analytical --tag a
  kith log ada -m "coffee, talked about Rust jobs" --channel coffee
  kith follow-up add ada fri "send her the job link"
  kith due                       # the morning list; silent when nothing is due
  kith timeline ada
  kith demo                      # try it on a sample journal)";

constexpr const char* k_footer =
    R"(References: a contact is an id, an email, a profile URL, or a unique
part of the name ("ada", "jose" finds "José").
Dates: today, tomorrow, yesterday, YYYY-MM-DD, 3d, 2w, 1m, in 3 days,
3 days ago, fri, next fri, last mon, dec 1, end of month.

Exit status: 0 ok, 64 bad command line, 65 bad data or ambiguous reference,
66 not found, 70 internal error, 73 cannot create, 74 I/O error, 75 journal busy,
77 permission denied, 78 bad config or newer journal, 130 interrupted.)";

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return 64;
    case ErrorKind::invalid_data:
    case ErrorKind::ambiguous:
    case ErrorKind::corrupt:
      return 65;
    case ErrorKind::not_found:
      return 66;
    case ErrorKind::internal:
      return 70;
    case ErrorKind::cant_create:
      return 73;
    case ErrorKind::io:
      return 74;
    case ErrorKind::busy:
      return 75;
    case ErrorKind::permission:
      return 77;
    case ErrorKind::config:
    case ErrorKind::schema_too_new:
      return 78;
    case ErrorKind::interrupted:
      return 130;
  }
  return 70;
}

// CLI11's messages start with a capital and may span lines; kith's are one lower-case line.
std::string one_line(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  if (!message.empty() && message.front() >= 'A' && message.front() <= 'Z' &&
      !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z')) {
    message.front() = static_cast<char>(message.front() - 'A' + 'a');
  }
  return message;
}

// Every value given to the chosen command and its parents, but for file and directory names
// (options of type PATH, FILE or DIR, and FILE or PATH arguments), which may be any bytes.
std::vector<GivenValue> given_values(const CLI::App& app) {
  std::vector<GivenValue> values;
  for (const CLI::Option* option : app.get_options()) {
    const std::string type = option->get_type_name();
    const std::string name = option->get_name();
    if (type == "PATH" || type == "FILE" || type == "DIR" || name == "FILE" || name == "PATH") {
      continue;
    }
    const std::string shown = option->get_positional() ? name : option->get_name(false, false);
    for (const std::string& value : option->results()) values.push_back({shown, value});
  }
  for (const CLI::App* sub : app.get_subcommands()) {
    auto more = given_values(*sub);
    values.insert(values.end(), more.begin(), more.end());
  }
  return values;
}

void add_global_options(CLI::App& app, Context& ctx) {
  auto& o = ctx.options();
  app.add_option("--db", o.db,
                 "The journal file (else KITH_DB, else $XDG_DATA_HOME/kith/journal.db)")
      ->type_name("PATH");
  app.add_option("--config", o.config,
                 "The config file (else KITH_CONFIG, else "
                 "$XDG_CONFIG_HOME/kith/config.toml)")
      ->type_name("PATH");
  app.add_flag("--json", o.json, "Machine output: one JSON document on stdout");
  app.add_option("--color", o.color, "Colour: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_option("--today", o.today, "Pin today's date (else KITH_TODAY, else today in TZ)")
      ->check(iso_date_validator())
      ->type_name("YYYY-MM-DD");
  app.add_flag("-q,--quiet", o.quiet, "No success summaries on stderr");
}

using AddCommands = void (*)(CLI::App&, Context&);

// Each command group, under the words that choose it on the command line.
constexpr std::array<std::pair<std::string_view, AddCommands>, 26> k_groups{{
    {"contact", add_contact_commands},
    {"add", add_add_command},
    {"show", add_show_command},
    {"log", add_log_command},
    {"conversation", add_conversation_commands},
    {"convo", add_conversation_commands},
    {"timeline", add_timeline_command},
    {"follow-up", add_follow_up_commands},
    {"fu", add_follow_up_commands},
    {"due", add_due_command},
    {"event", add_event_commands},
    {"config", add_config_commands},
    {"import", add_import_command},
    {"export", add_export_command},
    {"draft", add_draft_command},
    {"search", add_search_commands},
    {"who", add_search_commands},
    {"brief", add_brief_command},
    {"stale", add_stale_command},
    {"report", add_report_command},
    {"backup", add_maintenance_commands},
    {"restore", add_maintenance_commands},
    {"check", add_maintenance_commands},
    {"history", add_history_commands},
    {"undo", add_history_commands},
    {"demo", add_demo_command},
}};

// The first two arguments that are not options or values of global options: the command
// and, for a group, its subcommand ("contact", "show" in `kith --db j.db contact show ada`).
std::array<std::string_view, 2> command_words(const std::vector<std::string>& args) {
  std::array<std::string_view, 2> words;
  std::size_t found = 0;
  for (std::size_t i = 0; i < args.size() && found < words.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (std::find(k_global_options_with_value.begin(), k_global_options_with_value.end(), arg) !=
        k_global_options_with_value.end()) {
      ++i;
      continue;
    }
    if (!arg.empty() && arg.front() == '-') continue;
    words[found++] = arg;
  }
  return words;
}

// The words that name a command but are not in k_groups: they need the whole tree.
constexpr std::array<std::string_view, 3> k_whole_tree_commands{"completion", "help", "__complete"};

bool given(const std::vector<std::string>& args, std::string_view flag) {
  return std::find(args.begin(), args.end(), flag) != args.end();
}

// Refuses a command word kith does not know before anything is built: `kith lgo` names the
// nearest command instead of failing later for want of one.
void check_command_word(std::string_view word) {
  if (word.empty()) return;
  std::vector<std::string> names;
  for (const auto& [name, add] : k_groups) {
    if (name == word) return;
    names.emplace_back(name);
  }
  for (std::string_view name : k_whole_tree_commands) {
    if (name == word) return;
    if (!name.starts_with("_")) names.emplace_back(name);
  }
  throw Error(ErrorKind::usage, unknown_command("kith", word, names));
}

// Refuses an option the root does not know when no command was named (`kith -v`).
void check_global_options(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return;
    if (arg.size() < 2 || arg.front() != '-') continue;
    const std::string name = arg.substr(0, arg.find('='));
    const CLI::Option* option = app.get_option_no_throw(name);
    if (option == nullptr) throw Error(ErrorKind::usage, unknown_option(arg, app));
    if (option->get_type_size() != 0 && name == arg) ++i;  // its value
  }
}

// A group needs one of its subcommands: `kith contact` alone, or `kith contact lsit`.
void check_subcommand_word(const CLI::App& app, std::string_view word, std::string_view sub) {
  const CLI::App* group = nullptr;
  for (const CLI::App* s : app.get_subcommands({})) {
    if (s->check_name(std::string(word))) group = s;
  }
  if (group == nullptr || group->get_require_subcommand_min() == 0) return;
  std::vector<std::string> names;
  for (const CLI::App* s : group->get_subcommands({})) {
    if (!sub.empty() && s->check_name(std::string(sub))) return;
    names.push_back(s->get_name());
  }
  const std::string path = "kith " + group->get_name();
  if (sub.empty()) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    throw Error(ErrorKind::usage, path + " needs a command: " + list + "; see " + path + " --help");
  }
  throw Error(ErrorKind::usage, unknown_command(path, sub, names));
}

// Start-up builds only what the command needs: the chosen command's group when the command
// word is known, and in it only the chosen subcommand (see add_subcommands); every command
// otherwise (help, completion), since they need the whole tree. --version alone needs none.
void add_commands(CLI::App& app, Context& ctx, const std::vector<std::string>& args) {
  const auto [word, sub] = command_words(args);
  const bool help = given(args, "--help") || given(args, "-h");
  for (const auto& [name, add] : k_groups) {
    if (name != word) continue;
    if (!help) ctx.choose_subcommand(sub);
    add(app, ctx);
    if (!help) check_subcommand_word(app, word, sub);
    return;
  }
  if (word.empty() && given(args, "--version") && !help) return;
  for (AddCommands add :
       {add_contact_commands,   add_add_command,           add_show_command,
        add_log_command,        add_conversation_commands, add_timeline_command,
        add_follow_up_commands, add_due_command,           add_event_commands,
        add_config_commands,    add_import_command,        add_export_command,
        add_draft_command,      add_search_commands,       add_brief_command,
        add_stale_command,      add_report_command,        add_maintenance_commands,
        add_history_commands,   add_demo_command,          add_completion_command,
        add_help_command}) {
    add(app, ctx);
  }
}

// The width tables fit on a terminal: what the terminal reports, else $COLUMNS, else none.
std::size_t table_width(const Io& io, const Environment& env) {
  if (!io.out_tty) return 0;
  if (io.out_columns > 0) return io.out_columns;
  const auto columns = env.find("COLUMNS");
  if (columns == env.end()) return 0;
  std::size_t value = 0;
  const std::string& text = columns->second;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

}  // namespace

int run(const std::vector<std::string>& args, Io io, Environment env) {
  // Everything shown to a person goes through the terminal-safe filter; data an export
  // writes to stdout goes straight to the real stream.
  render::SafeStream safe_out(io.out);
  render::SafeStream safe_err(io.err);
  render::set_terminal_width(safe_out, table_width(io, env));
  Io shown{io.in, safe_out, safe_err, io.in_tty, io.out_tty, io.err_tty, io.out_columns};
  Context ctx(shown, std::move(env), io.out);
  ctx.set_command_line(args);
  CLI::App app{k_description, "kith"};
  app.formatter(help_formatter());
  app.footer(k_footer);
  app.set_version_flag("--version", std::string("kith ") + k_version);
  app.require_subcommand(1);
  app.fallthrough();
  add_global_options(app, ctx);

  // Every message below goes through the filter too: CLI11's messages and kith's errors quote
  // what the user typed and what the journal holds.
  int status = 0;
  try {
    const std::string_view word = command_words(args)[0];
    check_command_word(word);
    if (word.empty()) check_global_options(app, args);
    if (word.empty() && !given(args, "--help") && !given(args, "-h") && !given(args, "--version")) {
      safe_out << short_usage();  // a bare `kith`
    } else {
      add_commands(app, ctx, args);
      std::vector<std::string> reversed(args.rbegin(), args.rend());
      app.parse(reversed);
      require_utf8_values(given_values(app));
      if (ctx.action) ctx.action();
    }
  } catch (const CLI::CallForHelp&) {
    safe_out << app.help();
  } catch (const CLI::CallForAllHelp&) {
    safe_out << app.help("", CLI::AppFormatMode::All);
  } catch (const CLI::CallForVersion& e) {
    safe_out << e.what() << '\n';
  } catch (const CLI::ExtrasError&) {
    safe_err << "kith: error: " << unexpected_arguments(app, args) << '\n';
    status = 64;
  } catch (const CLI::ParseError& e) {
    safe_err << "kith: error: " << one_line(e.what()) << "; see kith --help\n";
    status = 64;
  } catch (const Error& e) {
    safe_err << "kith: error: " << e.what() << '\n';
    status = exit_code(e.kind());
  } catch (const std::exception& e) {
    safe_err << "kith: error: internal error: " << e.what() << "; please report this bug\n";
    status = 70;
  }
  safe_out.finish();
  safe_err.finish();
  io.out.flush();
  if (!io.out) {
    // A command that checked its own output (export) has already said so.
    if (status != 74) {
      safe_err << "kith: error: cannot write the output (disk full or closed pipe?)"
               << (status == 0 && ctx.wrote() ? "; the change itself was saved" : "") << '\n';
      safe_err.finish();
    }
    return 74;
  }
  return status;
}

}  // namespace kith::cli
