#include <array>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// The operand with a trailing `/*` and slashes removed, so `/etc/`, `/etc/*`
/// and `/etc` compare equal.
std::string_view trimmed(std::string_view path) {
  if (path.size() > 2 && path.ends_with("/*")) path.remove_suffix(2);
  else if (path == "/*") return "/";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

bool is_system_path(std::string_view path) {
  static constexpr std::array<std::string_view, 26> kPaths = {
      "/",     "/etc",  "/var",   "/usr",  "/home",  "/bin",      "/sbin",       "/boot",     "/lib",
      "/lib64", "/opt", "/root",  "/srv",  "/sys",   "/proc",     "/dev",        "/var/lib",  "/var/log",
      "/usr/local", "/usr/bin", "/usr/lib", "~", "$HOME", "${HOME}", "/mnt", "/data"};
  path = trimmed(path);
  return std::find(kPaths.begin(), kPaths.end(), path) != kPaths.end();
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!has_flag(cmd, "rR", {"--recursive"})) return;
  if (size_t np = find_word(cmd, "--no-preserve-root")) {
    emit.report(cmd.argv[np].span,
                "`rm --no-preserve-root` disables the one guard that stops `rm -r /` from erasing the whole machine",
                "remove --no-preserve-root and name the exact directory to delete");
    return;
  }
  for (size_t i : operands(cmd)) {
    const Word& w = cmd.argv[i];
    if (!is_system_path(w.text)) continue;
    emit.report(w.span,
                "`rm -r " + w.text + "` irreversibly deletes a system or home directory tree; the host may not boot "
                "and its data is gone",
                "name the exact application directory or file to remove, e.g. /var/lib/<service>/cache");
  }
}

const bool registered = register_rule({
    .code = "RB201",
    .name = "rm-recursive-system-path",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "rm -r on /, a system directory or the home directory",
    .what = "Reports `rm -r`/`-rf`/`--recursive` (flags in any order, also under sudo, ssh or kubectl exec) whose "
            "operand is the root, a top-level system directory (/etc, /var, /usr, /home, /boot, ...), `~` or "
            "$HOME, with or without a trailing `/` or `/*`, and any use of `--no-preserve-root`.",
    .why = "Such a command wipes the machine or a user's whole home. A typo, a copy from the wrong line or a "
           "shell that expanded nothing turns a cleanup step into an outage with no undo.",
    .instead = "Delete the exact path you mean (`/var/lib/myapp/cache`), preferably listing it first with `ls`.",
    .bad = {"# Cleanup\n\n```bash\nsudo rm -rf /var/\n```\n", 4, 13},
    .good = {"# Cleanup\n\n```bash\nsudo rm -rf /var/lib/myapp/cache\nrm -f /tmp/one-file\n```\n"},
    .on_command = {.names = {"rm"}, .check = check},
});

}  // namespace
}  // namespace rbc
