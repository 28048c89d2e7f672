// kith-measure: runs a command repeatedly as a whole process and prints the median wall time
// and the peak resident set size. The benchmark cannot rely on hyperfine or /usr/bin/time
// being installed on a fresh Debian machine, and it needs the child's own peak RSS (from
// wait4's rusage), which a shell's `time` does not report.
//
//   kith-measure [--runs N] [--warmup N] [--fresh PATH] [--stdin FILE] [--allow-status N]
//                -- PROGRAM ARGS...
//
// "{i}" in an argument becomes the run's number, so one-shot writes (kith add) can use a new
// name each time. --fresh deletes PATH and its -wal/-shm files before each run (untimed), for
// imports into an empty journal. --allow-status accepts one non-zero exit status as success
// (a lookup that finds no one still does all its work). Prints: median_ms min_ms max_ms
// peak_rss_kib runs cpu_median_ms; exits 1 with the child's status on stderr when any run fails.
// The median CPU time (user + system) follows: on a shared machine it is steadier than wall time,
// which includes waiting for a CPU.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Options {
  int runs = 10;
  int warmup = 1;
  std::string fresh;
  std::string stdin_file = "/dev/null";
  int allowed_status = 0;
  std::vector<std::string> command;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: kith-measure [--runs N] [--warmup N] [--fresh PATH] [--stdin FILE] "
               "[--allow-status N] -- PROGRAM ARGS...\n");
  std::exit(64);
}

Options parse(int argc, char** argv) {
  Options options;
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (i + 1 >= argc) usage();
    if (arg == "--runs") {
      options.runs = std::atoi(argv[++i]);
    } else if (arg == "--warmup") {
      options.warmup = std::atoi(argv[++i]);
    } else if (arg == "--fresh") {
      options.fresh = argv[++i];
    } else if (arg == "--allow-status") {
      options.allowed_status = std::atoi(argv[++i]);
    } else if (arg == "--stdin") {
      options.stdin_file = argv[++i];
    } else {
      usage();
    }
  }
  for (++i; i < argc; ++i) options.command.emplace_back(argv[i]);
  if (options.command.empty() || options.runs < 1) usage();
  return options;
}

std::string substitute(std::string arg, int run) {
  const std::string key = "{i}";
  for (auto pos = arg.find(key); pos != std::string::npos; pos = arg.find(key)) {
    arg.replace(pos, key.size(), std::to_string(run));
  }
  return arg;
}

void remove_journal(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::remove((path + suffix).c_str());
  }
}

struct RunResult {
  double ms = 0;
  double cpu_ms = 0;
  long peak_rss_kib = 0;
  int status = 0;
};

// One run: fork, exec with stdout and stderr discarded, and wait4 for the child's rusage.
RunResult run_once(const Options& options, int run) {
  std::vector<std::string> args;
  for (const auto& a : options.command) args.push_back(substitute(a, run));
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(options.stdin_file.c_str(), O_RDONLY);
    int out = open("/dev/null", O_WRONLY);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  RunResult result;
  rusage usage{};
  wait4(pid, &result.status, 0, &usage);
  auto end = std::chrono::steady_clock::now();
  result.ms = std::chrono::duration<double, std::milli>(end - start).count();
  result.peak_rss_kib = usage.ru_maxrss;  // kibibytes on Linux
  auto to_ms = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) * 1000.0 + static_cast<double>(tv.tv_usec) / 1000.0;
  };
  result.cpu_ms = to_ms(usage.ru_utime) + to_ms(usage.ru_stime);
  return result;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse(argc, argv);
  std::vector<double> times, cpu_times;
  long peak = 0;
  for (int run = -options.warmup; run < options.runs; ++run) {
    if (!options.fresh.empty()) remove_journal(options.fresh);
    // Warm-up runs get negative numbers, so "{i}" never repeats a measured run's value.
    RunResult result = run_once(options, run < 0 ? 1000000 - run : run);
    bool ok = WIFEXITED(result.status) && (WEXITSTATUS(result.status) == 0 ||
                                           WEXITSTATUS(result.status) == options.allowed_status);
    if (!ok) {
      std::fprintf(stderr, "kith-measure: %s exited with status %d\n",
                   options.command.front().c_str(),
                   WIFEXITED(result.status) ? WEXITSTATUS(result.status) : 128);
      return 1;
    }
    if (run < 0) continue;
    times.push_back(result.ms);
    cpu_times.push_back(result.cpu_ms);
    peak = std::max(peak, result.peak_rss_kib);
  }
  std::sort(times.begin(), times.end());
  std::printf("%.3f %.3f %.3f %ld %zu %.3f\n", median(times), times.front(), times.back(), peak,
              times.size(), median(cpu_times));
  return 0;
}
