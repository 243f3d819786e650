#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"push"})) return;
  size_t at = find_flag(cmd, "", {"--force-with-lease"});
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`--force-with-lease` still rewrites the remote branch; it only refuses when the remote moved since "
              "your last fetch, and a fetch just before it defeats that check",
              "prefer a revert commit on shared branches; add --force-if-includes when you must rewrite");
}

const bool registered = register_rule({
    .code = "RB286",
    .name = "git-force-with-lease",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "git push --force-with-lease rewrites remote history",
    .what = "Reports `git push --force-with-lease`.",
    .why = "It is the safer force push, but it is still a history rewrite of a shared branch, and background "
           "fetches by IDEs can make the lease check pass against commits you never saw.",
    .instead = "Revert instead of rewriting shared branches; pair it with `--force-if-includes`.",
    .bad = {"# Fix branch\n\n```bash\ngit push --force-with-lease origin feature\n```\n", 4, 10},
    .good = {"# Fix branch\n\n```bash\ngit push origin feature\n```\n"},
    .on_command = {.names = {"git"}, .check = check},
});

}  // namespace
}  // namespace rbc
