#include "context.hpp"

#include <date/tz.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <ostream>
#include <string_view>

#include "kith/domain/when.hpp"
#include "kith/error.hpp"
#include "kith/storage/backup.hpp"

namespace kith::cli {

namespace {

// Creates the default data directory (and its parents) private to the user, adding each
// directory it made to `created`.
void create_data_dir(const std::filesystem::path& dir,
                     std::vector<std::filesystem::path>& created) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return;
  std::filesystem::path partial;
  for (const auto& part : dir) {
    partial /= part;
    if (std::filesystem::is_directory(partial, ec)) continue;
    if (::mkdir(partial.c_str(), 0700) == 0) {
      created.push_back(partial);
    } else if (errno != EEXIST) {
      throw Error(errno == EACCES ? ErrorKind::permission : ErrorKind::cant_create,
                  "cannot create the data directory " + dir.string() + ": " + std::strerror(errno));
    }
  }
}

date::year_month_day local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::tzset();  // honours TZ when set, else the system zone
  ::localtime_r(&now, &local);
  return date::year{local.tm_year + 1900} / date::month{static_cast<unsigned>(local.tm_mon + 1)} /
         date::day{static_cast<unsigned>(local.tm_mday)};
}

std::string utc_now() {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return date::format("%Y-%m-%dT%H:%M:%SZ", now);
}

}  // namespace

Context::~Context() {
  // A command that failed before its first write leaves no journal (see Journal::promote) and
  // no data directory: those it made are removed again while empty.
  m_journal.reset();
  for (auto dir = m_created_dirs.rbegin(); dir != m_created_dirs.rend(); ++dir)
    ::rmdir(dir->c_str());
}

std::optional<std::string> Context::env(const std::string& name) const {
  auto it = m_env.find(name);
  if (it == m_env.end()) return std::nullopt;
  return it->second;
}

namespace {

// "~/x" is the user's; kith expands it in the config file as a shell would on the command line.
std::filesystem::path expand_home(const std::string& path, const std::optional<std::string>& home) {
  if (home && (path == "~" || path.rfind("~/", 0) == 0)) return *home + path.substr(1);
  return path;
}

}  // namespace

std::pair<std::filesystem::path, bool> Context::config_path() const {
  if (!m_options.config.empty()) return {m_options.config, true};
  if (auto named = env("KITH_CONFIG"); named && !named->empty()) return {*named, true};
  if (auto xdg = env("XDG_CONFIG_HOME"); xdg && !xdg->empty() && xdg->front() == '/') {
    return {std::filesystem::path(*xdg) / "kith" / "config.toml", false};
  }
  if (auto home = env("HOME"); home && !home->empty()) {
    return {std::filesystem::path(*home) / ".config" / "kith" / "config.toml", false};
  }
  return {{}, false};
}

const ConfigFile& Context::config() {
  if (m_config) return *m_config;
  auto [path, named] = config_path();
  std::error_code ec;
  if (path.empty() || (!named && !std::filesystem::exists(path, ec))) {
    m_config = ConfigFile{};
    return *m_config;
  }
  if (std::filesystem::is_fifo(path, ec)) {  // reading it would wait for a writer forever
    throw Error(ErrorKind::config,
                "cannot read the config file " + path.string() + ": it is a pipe, not a file");
  }
  std::ifstream in(path);
  if (!in) {
    throw Error(ErrorKind::config,
                "cannot read the config file " + path.string() +
                    (std::filesystem::exists(path, ec) ? ": permission denied" : ": no such file"));
  }
  m_config = read_config(in, path.string());
  return *m_config;
}

std::filesystem::path Context::journal_path() {
  if (!m_options.db.empty()) return m_options.db;
  if (auto db = env("KITH_DB"); db && !db->empty()) return *db;
  if (config().journal) return expand_home(*config().journal, env("HOME"));
  std::filesystem::path base;
  // The XDG spec says relative values are invalid and must be ignored.
  if (auto xdg = env("XDG_DATA_HOME"); xdg && !xdg->empty() && xdg->front() == '/') {
    base = *xdg;
  } else if (auto home = env("HOME"); home && !home->empty()) {
    base = std::filesystem::path(*home) / ".local" / "share";
  } else {
    throw Error(ErrorKind::config,
                "cannot find the journal: set HOME, XDG_DATA_HOME or KITH_DB, or use --db");
  }
  return base / "kith" / "journal.db";
}

Journal& Context::journal(Journal::Access access, bool missing_ok) {
  if (m_journal && (m_access == Journal::Access::write || access == Journal::Access::read)) {
    return *m_journal;
  }
  auto path = journal_path();
  // Only the default location is kith's to create; a named journal's directory must exist.
  bool named =
      !m_options.db.empty() || !env("KITH_DB").value_or("").empty() || config().journal.has_value();
  if (access == Journal::Access::write && !named)
    create_data_dir(path.parent_path(), m_created_dirs);
  // The default journal may not exist yet (it reads as empty); a named one must, or a typo
  // in --db or KITH_DB would silently show an empty journal, even to cron.
  std::error_code ec;
  if (access == Journal::Access::read && named && !missing_ok &&
      !std::filesystem::exists(path, ec)) {
    throw Error(ErrorKind::not_found, "no journal at " + path.string() +
                                          "; check --db or KITH_DB (a command that writes, such "
                                          "as kith add, creates it)");
  }
  m_journal = Journal::open(path, access, "before-upgrade-" + backup_stamp(moment().now_utc));
  m_access = access;
  if (!m_journal->migration_backup().empty()) {
    info("upgraded the journal to this kith's format; the old one is kept as " +
         m_journal->migration_backup().string());
  }
  if (access == Journal::Access::write) {
    m_journal->record_history(m_command_line, moment().now_utc);
  }
  return *m_journal;
}

namespace {

// An argument as a shell would need it: bare when safe, else in single quotes.
std::string shell_quoted(const std::string& arg) {
  bool safe = !arg.empty() && arg.find_first_not_of(
                                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
                                  "RSTUVWXYZ0123456789-_./:=@%+,#") == std::string::npos;
  if (safe) return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

void Context::set_command_line(const std::vector<std::string>& args) {
  constexpr std::size_t k_longest = 200;
  std::string line;
  for (std::size_t i = 0; i < args.size(); ++i) {
    // Where the journal is and how output looks say nothing about the change.
    static constexpr std::array<std::string_view, 3> k_flags{"--json", "-q", "--quiet"};
    std::string_view arg = args[i];
    if (std::find(k_flags.begin(), k_flags.end(), arg) != k_flags.end()) continue;
    if (std::find(k_global_options_with_value.begin(), k_global_options_with_value.end(), arg) !=
        k_global_options_with_value.end()) {
      ++i;
      continue;
    }
    auto eq = arg.find('=');
    if (eq != std::string_view::npos &&
        std::find(k_global_options_with_value.begin(), k_global_options_with_value.end(),
                  arg.substr(0, eq)) != k_global_options_with_value.end()) {
      continue;
    }
    line += (line.empty() ? "" : " ") + shell_quoted(args[i]);
  }
  if (line.size() > k_longest) {
    std::size_t cut = k_longest;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "…";
  }
  m_command_line = line;
}

Journal& Context::trial_journal() {
  std::error_code ec;
  const auto path = journal_path();
  m_journal =
      std::filesystem::exists(path, ec) ? Journal::in_memory_copy(path) : Journal::in_memory();
  m_access = Journal::Access::read;
  return *m_journal;
}

void Context::use_journal(Journal journal) {
  m_journal = std::move(journal);
  m_access = Journal::Access::write;
}

Moment Context::moment() {
  if (m_moment) return *m_moment;
  std::string pinned = m_options.today;
  std::string source = "--today";
  if (pinned.empty()) {
    pinned = env("KITH_TODAY").value_or("");
    source = "KITH_TODAY";
  }
  Moment m;
  if (!pinned.empty()) {
    auto day = parse_iso_date(pinned);
    if (!day)
      throw Error(ErrorKind::usage, source + " '" + pinned + "' is not a date; use YYYY-MM-DD");
    m.today = *day;
  } else {
    m.today = local_today();
  }
  m.now_utc = utc_now();
  m_moment = m;
  return m;
}

std::string Context::time_zone() const {
  if (auto tz = env("TZ"); tz && !tz->empty()) {
    std::string name = tz->front() == ':' ? tz->substr(1) : *tz;
    try {
      return std::string(date::locate_zone(name)->name());
    } catch (const std::exception&) {
      // A POSIX rule such as "CET-1" is not an IANA name: fall back to the system zone.
    }
  }
  try {
    return std::string(date::current_zone()->name());
  } catch (const std::exception&) {
    return "UTC";
  }
}

bool Context::color() {
  // Flags, then the environment, then the config file, then the default (auto).
  if (m_options.color == "always") return true;
  if (m_options.color == "never") return false;
  if (env("NO_COLOR").has_value() && !env("NO_COLOR")->empty()) return false;
  if (m_options.color.empty()) {
    if (config().color == "always") return true;
    if (config().color == "never") return false;
  }
  auto term = env("TERM");
  if (!term || *term == "dumb") return false;
  return m_io.out_tty;
}

void Context::info(const std::string& message) {
  if (!m_options.quiet) m_io.err << "kith: " << message << '\n';
}

}  // namespace kith::cli
