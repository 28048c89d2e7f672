// What every command needs from the outside world, decided once per run: the streams, the
// environment, the global options, "today", and the journal (opened only when a command
// asks for it, so `--help` and `--version` never touch the disk).
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/moment.hpp"
#include "kith/domain/settings.hpp"
#include "kith/formats/config_file.hpp"
#include "kith/storage/journal.hpp"

namespace kith::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool in_tty = false;
  bool out_tty = false;
  bool err_tty = false;
  std::size_t out_columns = 0;  // the terminal's width when stdout is one and it is known
};

using Environment = std::map<std::string, std::string>;

// The global options that take a value ("--db PATH"); the others are flags.
inline constexpr std::array<std::string_view, 4> k_global_options_with_value{"--db", "--today",
                                                                             "--color", "--config"};

// The options accepted before or after any subcommand.
struct GlobalOptions {
  std::string db;
  std::string config;
  bool json = false;
  std::string color;  // empty: not given on the command line
  std::string today;
  bool quiet = false;
};

class Context {
 public:
  // `raw` is the real stdout under io.out's terminal-safe filter (see render/safe_stream.hpp).
  Context(Io io, Environment env, std::ostream& raw)
      : m_io(io), m_raw(raw), m_env(std::move(env)) {}
  Context(Io io, Environment env) : Context(io, std::move(env), io.out) {}
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  std::ostream& out() { return m_io.out; }
  // Stdout for data that must arrive byte for byte (an export to "-"); flushes what was
  // written to out() first. On a terminal, where a person reads it, it is out() itself, so
  // the data's control characters are shown rather than obeyed.
  std::ostream& raw_out() {
    m_io.out.flush();
    return m_io.out_tty ? m_io.out : m_raw;
  }
  std::ostream& err() { return m_io.err; }
  std::istream& in() { return m_io.in; }
  bool interactive() const { return m_io.in_tty; }
  // True when stderr is a terminal, where a progress line can be redrawn.
  bool progress_visible() const { return m_io.err_tty && !m_options.quiet; }
  GlobalOptions& options() { return m_options; }
  bool json() const { return m_options.json; }
  std::optional<std::string> env(const std::string& name) const;

  // The journal file: --db, else KITH_DB, else $XDG_DATA_HOME/kith/journal.db.
  std::filesystem::path journal_path();
  // Opens the journal on first use; a write access reopens a journal opened for reading.
  // Reading a journal named by --db or KITH_DB that does not exist is an error unless
  // `missing_ok` (a dry run previews against an empty journal).
  Journal& journal(Journal::Access access, bool missing_ok = false);
  // A journal to try changes on and roll them back (a dry run): a copy in memory of the journal
  // when it exists, else an empty one, so a dry run never writes or creates a file.
  Journal& trial_journal();
  // Uses `journal` instead of the configured one (the demo's throwaway file).
  void use_journal(Journal journal);
  // True when the journal was opened for writing during this run.
  bool wrote() const { return m_access == Journal::Access::write; }
  Moment moment();
  // The user's IANA time zone: TZ when it names one, else the system's.
  std::string time_zone() const;
  const Settings& settings() { return config().settings; }
  // The configuration file's path (--config, KITH_CONFIG, else the XDG location) and whether
  // the user named it; its contents, read once (the defaults when the default file is absent).
  std::pair<std::filesystem::path, bool> config_path() const;
  const ConfigFile& config();
  bool color();

  // A success summary on stderr, unless --quiet.
  void info(const std::string& message);

  // The command line as the history shows it ("log ada -m coffee"); set by cli::run.
  void set_command_line(const std::vector<std::string>& args);

  // The command chosen on the command line, run after parsing completes.
  std::function<void()> action;

  // The word that may name the chosen group's subcommand ("show" in `kith contact show ada`),
  // so that only that subcommand is built; empty when every subcommand is (help, a bare
  // group). A word that names no subcommand (`kith log ada`) builds every one too.
  std::string_view chosen_subcommand() const { return m_chosen_subcommand; }
  void choose_subcommand(std::string_view word) { m_chosen_subcommand = word; }

 private:
  Io m_io;
  std::ostream& m_raw;
  Environment m_env;
  GlobalOptions m_options;
  std::optional<ConfigFile> m_config;
  std::optional<Journal> m_journal;
  std::optional<Journal::Access> m_access;
  std::optional<Moment> m_moment;
  std::string m_command_line;
  std::string_view m_chosen_subcommand;               // a view of the run's arguments
  std::vector<std::filesystem::path> m_created_dirs;  // by this run, for the journal
};

}  // namespace kith::cli
