#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = subcommand(cmd, {"rollback"});
  if (!at || has_flag(cmd, "", {"--dry-run"})) return;
  bool revision = operands(cmd).size() >= 3;
  emit.report(cmd.argv[at].span,
              std::string("`helm rollback` redeploys ") +
                  (revision ? "the given revision" : "the previous revision, whatever it was") +
                  "; resources the newer revision added may be deleted, and schema changes are not undone",
              "check `helm history <release>` and name the known-good revision explicitly");
}

const bool registered = register_rule({
    .code = "RB281",
    .name = "helm-rollback",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "helm rollback redeploys an earlier release revision",
    .what = "Reports `helm rollback` (not with --dry-run).",
    .why = "A rollback is a deploy: it deletes objects that only exist in newer revisions and can bring back old "
           "configuration; without a revision number it picks the previous one, which may also be bad.",
    .instead = "Read `helm history` and roll back to an explicit revision.",
    .bad = {"# Rollback\n\n```bash\nhelm rollback payments 41 -n prod\n```\n", 4, 6},
    .good = {"# Rollback\n\n```bash\nhelm history payments -n prod\n```\n"},
    .on_command = {.names = {"helm"}, .check = check},
});

}  // namespace
}  // namespace rbc
