#include "editor.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

#include "kith/error.hpp"
#include "kith/util/temp_file.hpp"
#include "text_gate.hpp"

namespace kith::cli {

namespace {

// Runs `/bin/sh -c '<editor> "$1"' sh <file>` on the terminal and returns its wait status.
// Like git, kith ignores SIGINT and SIGQUIT meanwhile, so a Ctrl-C meant for the editor
// does not end kith; the editor itself gets the default handlers back.
int run_editor(const std::string& editor, const std::string& file) {
  std::string script = editor + " \"$1\"";
  struct sigaction ignore {};
  struct sigaction old_int {};
  struct sigaction old_quit {};
  ignore.sa_handler = SIG_IGN;
  ::sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGQUIT, SIG_DFL);
    std::vector<char*> argv{const_cast<char*>("sh"), const_cast<char*>("-c"),         script.data(),
                            const_cast<char*>("sh"), const_cast<char*>(file.c_str()), nullptr};
    ::execv("/bin/sh", argv.data());
    ::_exit(127);
  }
  int status = -1;
  if (pid > 0) {
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
  if (pid < 0) {
    throw Error(ErrorKind::io, "cannot start the editor (" + editor + "): " + std::strerror(errno) +
                                   "; nothing was changed");
  }
  return status;
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n' || s.back() == '\v' || s.back() == '\f')) {
    s.pop_back();
  }
  return s;
}

}  // namespace

std::string editor_command(const Context& ctx) {
  for (const char* name : {"VISUAL", "EDITOR"}) {
    if (auto value = ctx.env(name); value && !rtrim(*value).empty()) return *value;
  }
  return "vi";
}

std::string clean_edited_text(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() == '#') continue;
    lines.push_back(rtrim(line));
  }
  std::size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  std::size_t last = lines.size();
  while (last > first && lines[last - 1].empty()) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) out += (i == first ? "" : "\n") + lines[i];
  return out;
}

std::string edit_text(Context& ctx, const std::string& initial, const std::string& comment_lines,
                      const std::string& what) {
  std::string dir = ctx.env("TMPDIR").value_or("");
  if (dir.empty()) dir = "/tmp";
  TempFile file(
      dir, "kith-edit-", ".txt",
      "a temporary file for the editor in " + dir + "; set TMPDIR to a writable directory");
  {
    std::ofstream out(file.path(), std::ios::trunc);
    if (!initial.empty()) out << initial << '\n';
    out << '\n' << comment_lines;
    if (!comment_lines.empty() && comment_lines.back() != '\n') out << '\n';
    if (!out.flush()) {
      throw Error(ErrorKind::io, "cannot write the temporary file " + file.path().string() +
                                     " for the editor; nothing was changed");
    }
  }
  // The editor shares the terminal: what kith printed so far must come first.
  ctx.out().flush();
  ctx.err().flush();
  std::string editor = editor_command(ctx);
  int status = run_editor(editor, file.path().string());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      throw Error(ErrorKind::io, "the editor (" + editor +
                                     ") was not found; set VISUAL or EDITOR; nothing was changed");
    }
    throw Error(ErrorKind::io, "the editor (" + editor + ") failed; nothing was changed");
  }
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::io, "cannot read back the temporary file " + file.path().string() +
                                   " from the editor; nothing was changed");
  }
  std::ostringstream text;
  text << in.rdbuf();
  require_utf8_text(text.str(), "the " + what + " from the editor");
  std::string result = clean_edited_text(text.str());
  if (result.empty()) {
    throw Error(ErrorKind::invalid_data,
                "aborted: the " + what + " was empty; nothing was changed");
  }
  return result;
}

}  // namespace kith::cli
