#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"clean"})) return;
  if (has_flag(cmd, "n", {"--dry-run"})) return;
  size_t at = find_flag(cmd, "f", {"--force"});
  if (!at) return;
  bool ignored = has_flag(cmd, "xX");
  emit.report(cmd.argv[at].span,
              std::string("`git clean ") + cmd.argv[at].text + "` deletes untracked files" +
                  (ignored ? ", and -x/-X also ignored ones such as .env files and local data" : "") +
                  "; git never had them, so they cannot be restored",
              "run `git clean -n` with the same flags first and read the list");
}

const bool registered = register_rule({
    .code = "RB288",
    .name = "git-clean-force",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "git clean -f deletes untracked (and with -x, ignored) files",
    .what = "Reports `git clean` with `-f`/`--force` (for example `-fdx`), unless it is a dry run (-n).",
    .why = "Untracked files are by definition not in git: configuration, credentials in .env, uploaded data or "
           "build caches disappear permanently.",
    .instead = "Preview with `git clean -n -d -x`, then remove only what the list shows is safe.",
    .bad = {"# Clean\n\n```bash\ngit clean -fdx\n```\n", 4, 11},
    .good = {"# Clean\n\n```bash\ngit clean -ndx\n```\n"},
    .on_command = {.names = {"git"}, .check = check},
});

}  // namespace
}  // namespace rbc
