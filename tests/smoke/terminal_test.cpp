// The real kith binary on a real pseudo-terminal of 80 columns, read back through a small
// model of the screen: what a person sees, not the bytes a pipe would get. Standard input is a
// pipe fed in two halves with a pause between them, so the import lasts long enough for its
// progress line to appear however fast the machine is.
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int k_columns = 80;

// What a terminal shows for `bytes`: carriage return, newline, erase to the end of the line
// (ESC [ K), colours ignored, and lines wrapped at the right margin.
std::vector<std::string> screen(const std::string& bytes) {
  std::vector<std::string> lines(1);
  std::size_t column = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    std::string& line = lines.back();
    if (c == '\r') {
      column = 0;
    } else if (c == '\n') {
      lines.emplace_back();
      column = 0;
    } else if (c == '\x1b' && i + 1 < bytes.size() && bytes[i + 1] == '[') {
      std::size_t end = i + 2;
      while (end < bytes.size() && !(bytes[end] >= 0x40 && bytes[end] <= 0x7E)) ++end;
      if (end < bytes.size() && bytes[end] == 'K') line.resize(std::min(line.size(), column));
      i = end;
    } else {
      if (column == k_columns) {
        lines.emplace_back();
        column = 0;
      }
      std::string& at = lines.back();
      if (at.size() <= column) at.resize(column + 1, ' ');
      at[column++] = c;
    }
  }
  if (lines.back().empty()) lines.pop_back();
  return lines;
}

std::string contacts_csv(int first, int count) {
  std::string out;
  if (first == 0) out = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = first; i < first + count; ++i) {
    const std::string n = std::to_string(i);
    out += "Person" + n + ",Tester,,person" + n + "@example.com,Acme,Engineer,20 Sep 2024\n";
  }
  return out;
}

struct Session {
  int status = -1;
  std::string bytes;
};

class TerminalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "kith-tty-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    m_dir = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  // Runs `kith --db DIR/journal.db ARGS` on a new 80-column terminal with standard input from
  // a pipe that `feed` writes to (and closes).
  Session run(const std::vector<std::string>& args, const std::function<void(int fd)>& feed) {
    int in[2];
    EXPECT_EQ(::pipe(in), 0);
    winsize size{};
    size.ws_col = k_columns;
    size.ws_row = 24;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid == 0) {
      ::dup2(in[0], STDIN_FILENO);
      ::close(in[0]);
      ::close(in[1]);
      const std::string db = (m_dir / "journal.db").string();
      std::vector<std::string> argv{KITH_BINARY, "--db", db};
      argv.insert(argv.end(), args.begin(), args.end());
      std::vector<char*> c_argv;
      for (auto& a : argv) c_argv.push_back(a.data());
      c_argv.push_back(nullptr);
      const std::string home = "HOME=" + m_dir.string();
      std::vector<char*> env{const_cast<char*>(home.c_str()), const_cast<char*>("TERM=xterm"),
                             const_cast<char*>("PATH=/usr/bin:/bin"), nullptr};
      ::execve(KITH_BINARY, c_argv.data(), env.data());
      ::_exit(127);
    }
    ::close(in[0]);
    m_pid = pid;
    std::thread feeder([&feed, fd = in[1]] {
      feed(fd);
      ::close(fd);
    });
    Session out;
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(master, buffer, sizeof buffer);
      if (n > 0) {
        out.bytes.append(buffer, static_cast<std::size_t>(n));
        if (out.bytes.find("importing...") != std::string::npos) m_progress_shown = true;
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;  // EIO: the terminal closed when kith exited
      }
    }
    feeder.join();
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return out;
  }

  // Writes all of `text` to `fd`.
  static void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n <= 0 && errno != EINTR) return;
      if (n > 0) done += static_cast<std::size_t>(n);
    }
  }

  std::filesystem::path m_dir;
  pid_t m_pid = 0;
  std::atomic<bool> m_progress_shown{false};  // the terminal has received a progress line
};

TEST_F(TerminalTest, TheImportProgressLineRewritesItselfInPlace) {
  const Session session = this->run({"import", "-", "--format", "linkedin"}, [](int fd) {
    write_all(fd, contacts_csv(0, 3000));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    write_all(fd, contacts_csv(3000, 3000));
  });
  EXPECT_EQ(session.status, 0) << session.bytes;
  // The progress line was drawn, with a real carriage return, never a shown one (^M).
  EXPECT_NE(session.bytes.find("\rkith: importing... "), std::string::npos) << session.bytes;
  EXPECT_EQ(session.bytes.find("^M"), std::string::npos) << session.bytes;
  // And the screen holds only the summary, at the left edge: the progress line was erased.
  EXPECT_EQ(screen(session.bytes),
            std::vector<std::string>{
                "kith: imported 6,000 contacts: 6,000 added, 0 updated, 0 unchanged"});
}

TEST_F(TerminalTest, CtrlCDuringAnImportLeavesOneClearLine) {
  const Session session = this->run({"import", "-", "--format", "linkedin"}, [this](int fd) {
    write_all(fd, contacts_csv(0, 3000));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    write_all(fd, contacts_csv(3000, 3000));
    // Ctrl-C once the progress line is up; kith waits for the rest of its input meanwhile.
    for (int waited = 0; waited < 600 && !m_progress_shown; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(m_pid, SIGINT);
  });
  EXPECT_EQ(session.status, 130) << session.bytes;
  EXPECT_EQ(session.bytes.find("^M"), std::string::npos) << session.bytes;
  EXPECT_EQ(screen(session.bytes),
            std::vector<std::string>{"kith: error: interrupted; nothing was changed"});
}

}  // namespace
