// kith's entry point: private files, the real streams and environment, then the CLI.
#include <sys/stat.h>
#include <unistd.h>

#include <iostream>

#include "cli.hpp"

extern char** environ;

int main(int argc, char** argv) {
  ::umask(077);  // the journal, its -wal/-shm files and the data directory are the user's alone
  std::ios::sync_with_stdio(false);
  kith::cli::Environment env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  kith::cli::Io io{std::cin,         std::cout,        std::cerr,
                   ::isatty(0) == 1, ::isatty(1) == 1, ::isatty(2) == 1};
  return kith::cli::run({argv + 1, argv + argc}, io, std::move(env));
}
