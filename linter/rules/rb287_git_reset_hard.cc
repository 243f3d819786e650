#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"reset"})) return;
  size_t at = find_flag(cmd, "", {"--hard"});
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`git reset --hard` throws away uncommitted changes in the working tree and moves the branch; on a "
              "server checkout that includes local hotfixes",
              "run `git stash` or `git status` first, or check out the wanted commit on a new branch");
}

const bool registered = register_rule({
    .code = "RB287",
    .name = "git-reset-hard",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "git reset --hard discards uncommitted work",
    .what = "Reports `git reset --hard`.",
    .why = "Uncommitted edits are lost without a trace (they were never in a commit the reflog could find), and "
           "commits dropped from the branch are easy to lose track of.",
    .instead = "Stash or commit first, and prefer `git switch -c` or `git revert` to move away from bad commits.",
    .bad = {"# Reset checkout\n\n```bash\ngit reset --hard origin/main\n```\n", 4, 11},
    .good = {"# Reset checkout\n\n```bash\ngit stash\ngit reset --soft HEAD~1\n```\n"},
    .on_command = {.names = {"git"}, .check = check},
});

}  // namespace
}  // namespace rbc
