#include "compiler/languages/bash_confirm.h"

#include "compiler/base/pattern.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace rbc {

namespace {

/// The bash to check with, looked up in PATH once (posix_spawnp tried every
/// PATH entry on every call, a failed exec each): Debian's bash-static when
/// installed, the same bash without a dynamic loader to run, which is most of
/// starting it here; else bash. Empty when neither is found.
const std::string& bash_path() {
  static const std::string path = [] {
    const char* env = std::getenv("PATH");
    std::string dirs = env ? env : "/usr/bin:/bin";
    for (const char* name : {"bash-static", "bash"})
      for (size_t at = 0; at <= dirs.size();) {
        size_t colon = std::min(dirs.find(':', at), dirs.size());
        std::string dir = dirs.substr(at, colon - at);
        std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
        at = colon + 1;
      }
    return std::string();
  }();
  return path;
}

/// `script` in an unlinked temporary file, positioned at its start, or -1.
/// bash reads a pipe one byte per read(2) but a regular file in blocks.
int script_file(const std::string& script) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/runbookc-check-XXXXXX";
  int fd = mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) return -1;
  unlink(path.c_str());  // nothing to clean up later, whatever happens
  for (size_t written = 0; written < script.size();) {
    ssize_t n = write(fd, script.data() + written, script.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      return -1;
    }
    written += static_cast<size_t>(n);
  }
  if (lseek(fd, 0, SEEK_SET) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/// A verdict saying bash gave no answer, and why.
BashVerdict not_run(std::string why) {
  BashVerdict verdict;
  verdict.outcome = BashVerdict::Outcome::not_run;
  verdict.message = std::move(why);
  return verdict;
}

}  // namespace

BashVerdict bash_check_syntax(const std::string& script) {
  BashVerdict verdict;
  // Scripts that fit in one argument go as `bash -n -c SCRIPT`: bash reads a
  // pipe one byte per system call. Larger ones go through standard input,
  // from a temporary file when one can be made, else from a pipe.
  bool as_argument = script.size() < 100 * 1024 && script.find('\0') == std::string::npos;
  int file = as_argument ? -1 : script_file(script);
  int in[2] = {-1, -1}, err[2];
  if (file >= 0) in[0] = file;
  else if (!as_argument && pipe2(in, O_CLOEXEC) != 0) return not_run(std::string("no pipe to bash: ") + std::strerror(errno));
  auto close_input = [&] {
    if (in[0] >= 0) close(in[0]);
    if (in[1] >= 0) close(in[1]);
    in[0] = in[1] = -1;
  };
  if (pipe2(err, O_CLOEXEC) != 0) {
    int error = errno;
    close_input();
    return not_run(std::string("no pipe from bash: ") + std::strerror(error));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (as_argument) posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  else posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  char arg0[] = "bash", arg1[] = "-n", arg2[] = "-c";
  std::string body = as_argument ? script : std::string();
  char* argv_inline[] = {arg0, arg1, arg2, body.data(), nullptr};
  char* argv_stdin[] = {arg0, arg1, nullptr};
  pid_t pid;
  // The C locale keeps bash's messages in the English this file parses; an
  // otherwise empty environment (nothing runs under -n) also starts bash faster.
  char locale[] = "LC_ALL=C";
  char* envp[] = {locale, nullptr};
  const std::string& bash = bash_path();
  int rc = bash.empty() ? ENOENT
                        : posix_spawn(&pid, bash.c_str(), &actions, nullptr, as_argument ? argv_inline : argv_stdin, envp);
  posix_spawn_file_actions_destroy(&actions);
  if (in[0] >= 0) close(in[0]), in[0] = -1;
  close(err[1]);
  if (rc != 0) {
    close_input();
    close(err[0]);
    return not_run(bash.empty() ? std::string("bash was not found in PATH")
                                : "bash could not be started (" + bash + "): " + std::strerror(rc));
  }
  // Write the script and read diagnostics together, so neither pipe fills up.
  size_t written = 0;
  std::string diagnostics;
  bool writing = in[1] >= 0;
  bool answered = true;
  while (true) {
    pollfd fds[2] = {{err[0], POLLIN, 0}, {writing ? in[1] : -1, POLLOUT, 0}};
    int ready = poll(fds, 2, 10'000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {  // bash -n never takes this long: stop it rather than wait forever
      answered = false;
      kill(pid, SIGKILL);
      break;
    }
    if (writing && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in[1], script.data() + written, script.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 || written >= script.size()) {
        close(in[1]);
        writing = false;
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP)) {
      char buf[4096];
      ssize_t n = read(err[0], buf, sizeof buf);
      if (n <= 0) break;
      diagnostics.append(buf, static_cast<size_t>(n));
    }
  }
  if (writing) close(in[1]);
  close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!answered) return not_run("bash -n gave no answer within 10 s");
  if (WIFSIGNALED(status)) return not_run("bash -n was stopped by signal " + std::to_string(WTERMSIG(status)));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return verdict;
  verdict.outcome = BashVerdict::Outcome::rejected;
  static const Pattern line_re(R"(line (\d+): (.*))");
  PatternMatch m;
  if (line_re.find(diagnostics, m)) {
    verdict.line = static_cast<uint32_t>(std::stoul(std::string(m.group(1))));
    verdict.message = m.group(2);
  } else {
    verdict.message = diagnostics.substr(0, diagnostics.find('\n'));
  }
  return verdict;
}

namespace {

void check_group(const std::vector<std::string>& scripts, size_t begin, size_t end, std::vector<bool>& ok) {
  if (begin >= end) return;
  std::string joined;
  for (size_t i = begin; i < end; ++i)
    joined += "__runbookc_check_" + std::to_string(i) + "() {\n" + scripts[i] + "\n:\n}\n";
  BashVerdict verdict = bash_check_syntax(joined);
  if (verdict.accepted()) return;
  if (verdict.not_run() || end - begin == 1) {  // rejected, or no answer: nothing here is confirmed
    for (size_t i = begin; i < end; ++i) ok[i] = false;
    return;
  }
  size_t middle = begin + (end - begin) / 2;
  check_group(scripts, begin, middle, ok);
  check_group(scripts, middle, end, ok);
}

}  // namespace

std::vector<bool> bash_check_many(const std::vector<std::string>& scripts) {
  std::vector<bool> ok(scripts.size(), true);
  check_group(scripts, 0, scripts.size(), ok);
  return ok;
}

}  // namespace rbc
