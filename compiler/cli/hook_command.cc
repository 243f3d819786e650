// runbookc hook install | uninstall: a plain git pre-commit hook that lints
// the staged runbooks, for repositories that do not use pre-commit.
#include <stdio.h>
#include <sys/wait.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "compiler/base/file_io.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/repository_files.h"

namespace rbc {
namespace fs = std::filesystem;
namespace {

struct HookArgs {
  std::vector<std::string> paths;
};

/// The pre-commit hook's path, from `git rev-parse --git-path hooks` (which
/// follows core.hooksPath and worktrees); nullopt with `error` set outside a
/// repository or without git.
std::optional<fs::path> pre_commit_hook_path(std::string& error) {
  FILE* pipe = popen("git rev-parse --git-path hooks 2>/dev/null", "r");
  if (!pipe) {
    error = "cannot run git";
    return std::nullopt;
  }
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  if (status != 0 || out.empty()) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127
                ? "git was not found in PATH"
                : "not in a git repository (`git rev-parse --git-path hooks` failed)";
    return std::nullopt;
  }
  return fs::path(out) / "pre-commit";
}

enum class Existing { none, ours, foreign };

Existing existing_hook(const fs::path& hook, std::string& content) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(hook, ec))) return Existing::none;
  if (!read_file(hook, content)) return Existing::foreign;
  return content.find(kGitHookMarker) != std::string::npos ? Existing::ours : Existing::foreign;
}

int install(const HookArgs& args) {
  std::string error;
  std::optional<fs::path> hook = pre_commit_hook_path(error);
  if (!hook) {
    std::cerr << "runbookc: error: " << error << "\n";
    return 2;
  }
  std::string script = git_hook_script(args.paths);
  std::string current;
  switch (existing_hook(*hook, current)) {
    case Existing::foreign:
      std::cerr << "runbookc: error: " << hook->string()
                << " exists and was not written by runbookc; add `runbookc lint` to it yourself, or move it away "
                   "and run `runbookc hook install` again\n";
      return 2;
    case Existing::ours:
      if (current == script) {
        std::cout << "runbookc hook: " << hook->string() << " is up to date\n";
        return 0;
      }
      replace_file(*hook, script, true);
      std::cout << "runbookc hook: updated " << hook->string() << "\n";
      return 0;
    case Existing::none:
      fs::create_directories(hook->parent_path());
      replace_file(*hook, script, true);
      std::cout << "runbookc hook: wrote " << hook->string() << "\n";
      return 0;
  }
  return 2;
}

int uninstall() {
  std::string error;
  std::optional<fs::path> hook = pre_commit_hook_path(error);
  if (!hook) {
    std::cerr << "runbookc: error: " << error << "\n";
    return 2;
  }
  std::string current;
  switch (existing_hook(*hook, current)) {
    case Existing::none:
      std::cout << "runbookc hook: no hook at " << hook->string() << ", nothing to remove\n";
      return 0;
    case Existing::foreign:
      std::cerr << "runbookc: error: " << hook->string() << " was not written by runbookc; left as it is\n";
      return 2;
    case Existing::ours:
      remove_file(*hook);
      std::cout << "runbookc hook: removed " << hook->string() << "\n";
      return 0;
  }
  return 2;
}

}  // namespace

Runner add_hook_command(CLI::App& app) {
  auto args = std::make_shared<HookArgs>();
  app.require_subcommand(1);
  CLI::App* install_app =
      app.add_subcommand("install", "Write the repository's git pre-commit hook (refuses to replace another hook)");
  install_app->add_option("--path", args->paths,
                          "Directory (from the repository root) whose Markdown files are runbooks; repeatable; "
                          "default: the whole repository")
      ->type_name("DIR");
  CLI::App* uninstall_app = app.add_subcommand("uninstall", "Remove the hook `runbookc hook install` wrote");
  std::string documents;
  for (std::string_view name : repository_documents())
    documents += (documents.empty() ? "" : ", ") + std::string(name) + ".md";
  app.footer("Never linted by the hook, at any depth: " + documents +
             ".\nExit status: 0 done, 2 not a git repository or a hook runbookc did not write.");
  return [args, install_app, uninstall_app] {
    if (install_app->parsed()) return install(*args);
    if (uninstall_app->parsed()) return uninstall();
    return 2;
  };
}

}  // namespace rbc
