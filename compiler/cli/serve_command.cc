#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/base/file_io.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/rule_selection.h"
#include "compiler/cli/serve/debouncer.h"
#include "compiler/cli/serve/site_server.h"
#include "compiler/cli/serve/tree_watcher.h"
#include "compiler/cli/site_build.h"

namespace fs = std::filesystem;

namespace rbc {
namespace {

using Clock = std::chrono::steady_clock;

struct ServeArgs {
  site::BuildOptions options;
  RuleSelection rules;
  int port = 8000;
};

/// A directory of its own under $TMPDIR, removed with everything in it.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    fs::path pattern = fs::temp_directory_path() / "runbookc-serve-XXXXXX";
    std::string buffer = pattern.string();
    if (!mkdtemp(buffer.data())) throw std::runtime_error("cannot create a temporary directory in " + pattern.parent_path().string());
    path_ = buffer;
    real_ = fs::weakly_canonical(path_);
  }
  ~TemporaryDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const fs::path& path() const { return path_; }
  /// True for `p` inside it: with $TMPDIR under the watched runbooks, the
  /// builds' own writes must not call for another build.
  bool holds(const fs::path& p) const {
    std::error_code ec;
    fs::path real = fs::weakly_canonical(p, ec);
    if (ec) return false;
    auto [end, ignored] = std::mismatch(real_.begin(), real_.end(), real.begin(), real.end());
    return end == real_.end();
  }

 private:
  fs::path path_;
  fs::path real_;  ///< path_ with links resolved, as the watcher's paths are compared
};

/// SIGINT and SIGTERM as a readable descriptor; blocked for every thread
/// started after it, so they end the loop instead of the process.
class StopSignals {
 public:
  StopSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &previous_);
    fd_ = signalfd(-1, &set, SFD_CLOEXEC);
    signal(SIGPIPE, SIG_IGN);  // a page closed mid-answer is the write's error, not the process's end
  }
  ~StopSignals() {
    if (fd_ >= 0) close(fd_);
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  int fd() const { return fd_; }
  /// Takes the pending signal, so that it is not delivered once unblocked.
  void consume() const {
    signalfd_siginfo info;
    [[maybe_unused]] ssize_t n = read(fd_, &info, sizeof info);
  }

 private:
  int fd_ = -1;
  sigset_t previous_;
};

std::string describe_changes(const std::vector<std::string>& changed) {
  if (changed.size() == 1) return changed[0];
  return fmt::format("{} (and {} more)", changed[0], changed.size() - 1);
}

/// One build into the temporary site; prints its problems. True when the site was replaced.
bool build_once(const site::BuildOptions& options, site::BuildReport& report) {
  try {
    report = site::build_site(options);
  } catch (const std::exception& e) {
    report.errors.push_back(e.what());
  }
  for (const auto& w : report.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  for (const auto& e : report.errors) std::cerr << "runbookc: error: " << e << "\n";
  return report.errors.empty();
}

/// "2 errors, 1 warning, 0 notes", from the summary at the end of the site's
/// lint.json (read from its last key: the findings before it are not parsed).
std::string findings_text(const fs::path& site) {
  std::string bytes;
  if (!read_file(site / "lint.json", bytes)) return "findings unknown";
  size_t at = bytes.rfind("\"summary\"");
  nlohmann::json summary = nlohmann::json::parse("{" + bytes.substr(at == std::string::npos ? bytes.size() : at), nullptr, false);
  if (summary.is_discarded() || !summary["summary"].is_object()) return "findings unknown";
  const nlohmann::json& s = summary["summary"];
  auto count = [&](const char* key, const char* noun) {
    long n = s.value(key, 0L);
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {}", count("errors", "error"), count("warnings", "warning"), count("notes", "note"));
}

int run_serve(ServeArgs& args) {
  site::BuildOptions& o = args.options;
  o.config_file = args.rules.config_file;
  o.select = args.rules.select;
  o.ignore = args.rules.ignore;
  if (args.port < 0 || args.port > 65535) {
    std::cerr << "runbookc: error: --port wants 0 (any free port) to 65535, not " << args.port << "\n";
    return 2;
  }
  StopSignals signals;  // before any thread: the build's workers and the server's inherit the mask
  TemporaryDirectory temporary;
  o.output = (temporary.path() / "site").string();

  serve::BuildGenerations generations;
  serve::SiteServer server(o.output, generations);
  if (std::string error; !server.load(error)) {
    std::cerr << "runbookc: error: " << error << "\n";
    return 2;
  }
  if (!server.bind(args.port)) {
    std::cerr << fmt::format("runbookc: error: cannot listen on 127.0.0.1:{}: the port is in use or not allowed; "
                             "pick another with --port (0: any free port)\n", args.port);
    return 2;
  }

  // Watching starts before the first build: an edit made during it is not missed.
  std::unique_ptr<serve::TreeWatcher> watcher;
  try {
    watcher = std::make_unique<serve::TreeWatcher>(o.paths);
  } catch (const std::exception& e) {
    std::cerr << "runbookc: error: " << e.what() << "\n";
    return 2;
  }
  o.progress = isatty(STDERR_FILENO);
  site::BuildReport report;
  if (!build_once(o, report)) return 2;
  o.progress = false;  // rebuilds print one line each
  for (const auto& w : watcher->take_warnings()) std::cerr << "runbookc: warning: " << w << "\n";

  server.start();
  std::cerr << fmt::format("Serving {} runbooks at http://127.0.0.1:{}/ (Ctrl-C to stop)\n", report.runbooks, server.port())
            << std::flush;

  serve::Debouncer debouncer(std::chrono::milliseconds(100), std::chrono::milliseconds(1000));
  for (;;) {
    std::optional<std::chrono::milliseconds> wait = debouncer.wait(Clock::now());
    pollfd fds[] = {{signals.fd(), POLLIN, 0}, {watcher->fd(), POLLIN, 0}};
    int ready = poll(fds, 2, wait ? static_cast<int>(wait->count()) : -1);
    if (ready < 0 && errno != EINTR) break;
    if (fds[0].revents & POLLIN) {
      signals.consume();
      break;
    }
    if (fds[1].revents & POLLIN)
      for (const std::string& path : watcher->read_changes())
        if (!temporary.holds(path)) debouncer.note(path, Clock::now());
    std::vector<std::string> changed = debouncer.take_if_due(Clock::now());
    if (changed.empty()) continue;
    for (const auto& w : watcher->take_warnings()) std::cerr << "runbookc: warning: " << w << "\n";
    Clock::time_point start = Clock::now();
    bool built = build_once(o, report);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    if (!built) {
      std::cerr << fmt::format("runbookc: rebuild after a change to {} failed ({} ms); still serving the previous site\n",
                               describe_changes(changed), ms);
      continue;
    }
    generations.advance();
    std::cerr << fmt::format("Rebuilt in {} ms after a change to {}: {} runbooks, {} rendered, {}\n", ms,
                             describe_changes(changed), report.runbooks, report.rendered, findings_text(o.output))
              << std::flush;
  }
  std::cerr << "runbookc: stopping\n";
  server.stop();
  return 0;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  site::BuildOptions& o = args->options;
  app.add_option("paths", o.paths, "Runbook files or directories (walked for *.md); default: .")->type_name("PATH");
  app.add_option("-p,--port", args->port, "Port on 127.0.0.1 (0: any free port, printed)")->type_name("PORT")->capture_default_str();
  app.add_option("--title", o.info.title, "Site title")->capture_default_str();
  app.add_option("-j,--jobs", o.jobs, "Files processed in parallel (default: one per core)");
  add_rule_selection_options(app, args->rules);
  app.footer(
      "Builds the site into a temporary directory, serves it on 127.0.0.1 only, rebuilds when a runbook or a "
      ".runbookc.yaml changes, and reloads the open pages. The files are those `runbookc build` writes; only the "
      "served pages carry the reload script.\n"
      "Exit status: 0 stopped by Ctrl-C or SIGTERM, 2 usage or I/O error (such as the port in use).");
  return [args] { return run_serve(*args); };
}

}  // namespace rbc
