#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = subcommand(cmd, {"rollout", "undo"});
  if (!at || has_flag(cmd, "", {"--dry-run"})) return;
  bool pinned = option_value(cmd, {"--to-revision"}).has_value();
  emit.report(words_span(cmd, at - 1, at),
              std::string("`rollout undo` redeploys ") +
                  (pinned ? "the given revision" : "the previous revision, whatever it was") +
                  "; config and schema changes made since are not rolled back with it",
              "check `kubectl rollout history` and pass --to-revision=N for the known-good revision");
}

const bool registered = register_rule({
    .code = "RB279",
    .name = "kubectl-rollout-undo",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "kubectl rollout undo redeploys an earlier revision",
    .what = "Reports `kubectl`/`oc rollout undo`.",
    .why = "Rolling back is usually the right move, but \"previous\" may be another bad revision if several "
           "deploys happened, and the old pods may not match the current database schema or config maps.",
    .instead = "Look at `rollout history` and undo to an explicit, known-good revision.",
    .bad = {"# Rollback\n\n```bash\nkubectl rollout undo deployment/api -n prod\n```\n", 4, 9},
    .good = {"# Rollback\n\n```bash\nkubectl rollout history deployment/api -n prod\nkubectl rollout status deployment/api -n prod\n```\n"},
    .on_command = {.names = {"kubectl", "oc"}, .check = check},
});

}  // namespace
}  // namespace rbc
