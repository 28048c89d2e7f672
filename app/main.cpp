// kith's entry point: private files, signal handlers, the real streams and environment, then
// the CLI.
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <string_view>

#include "cli.hpp"
#include "kith/util/interrupt.hpp"
#include "kith/util/temp_file.hpp"

extern char** environ;

namespace {

constexpr int k_interrupted_status = 130;
constexpr std::string_view k_unchanged = "kith: error: interrupted; nothing was changed\n";
constexpr std::string_view k_saved =
    "kith: error: interrupted after the journal was written; kith history shows what was saved\n";

std::atomic<int> g_signals{0};

// Ctrl-C, SIGTERM, or SIGHUP (the terminal closed). During a write the request is only recorded:
// the command rolls back at its next check and run() returns 130 with the message. When nothing is
// being written, kith exits at once (also while it waits for another process's lock). A second
// signal ends kith at once whatever it is doing; the journal is safe either way, as after kill -9.
extern "C" void on_signal(int) {
  const bool again = g_signals.fetch_add(1) > 0;
  if (kith::request_interrupt() == kith::InterruptAction::wait && !again) return;
  kith::remove_temp_files();  // a half-written export or backup, the editor's copy of a note
  const std::string_view message = kith::commit_started() ? k_saved : k_unchanged;
  [[maybe_unused]] auto written = ::write(STDERR_FILENO, message.data(), message.size());
  ::_exit(k_interrupted_status);
}

// No SA_RESTART: a read of standard input that the signal interrupts may end early, and the
// import's checks then turn it into an interruption.
void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    // A signal ignored by whoever started kith (nohup, a shell's background job) stays ignored.
    if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace

int main(int argc, char** argv) {
  ::umask(077);  // the journal, its -wal/-shm files and the data directory are the user's alone
  install_signal_handlers();
  std::ios::sync_with_stdio(false);
  kith::cli::Environment env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  kith::cli::Io io{std::cin,         std::cout,        std::cerr,
                   ::isatty(0) == 1, ::isatty(1) == 1, ::isatty(2) == 1};
  if (struct winsize size{}; io.out_tty && ::ioctl(1, TIOCGWINSZ, &size) == 0) {
    io.out_columns = size.ws_col;
  }
  return kith::cli::run({argv + 1, argv + argc}, io, std::move(env));
}
