#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"push"})) return;
  if (has_flag(cmd, "", {"--force-with-lease", "--force-if-includes"})) return;  // git-force-with-lease
  size_t at = find_flag(cmd, "f", {"--force"});
  if (!at)
    for (size_t i : operands(cmd))
      if (cmd.argv[i].text.size() > 1 && cmd.argv[i].text[0] == '+') at = i;
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`git push " + cmd.argv[at].text +
                  "` overwrites the remote branch: commits pushed by others since your last fetch are discarded "
                  "from it",
              "use --force-with-lease (refuses when the remote moved), or push a revert commit instead");
}

const bool registered = register_rule({
    .code = "RB285",
    .name = "git-force-push",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "git push --force rewrites the remote branch",
    .what = "Reports `git push` with `-f`/`--force` (also in clusters such as `-fu`) or a `+refspec`. "
            "`--force-with-lease` is reported separately as a note.",
    .why = "A forced push replaces the remote history with the local one; teammates' commits, and the deploy "
           "pipeline's idea of what is released, silently disappear.",
    .instead = "Push a revert commit, or at least use `--force-with-lease`.",
    .bad = {"# Undo\n\n```bash\ngit push -f origin main\n```\n", 4, 10},
    .good = {"# Undo\n\n```bash\ngit revert abc1234\ngit push origin main\n```\n"},
    .on_command = {.names = {"git"}, .check = check},
});

}  // namespace
}  // namespace rbc
