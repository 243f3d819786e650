#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (step.kind_guessed || !step.facts.syntax_error) continue;
    if (step.kind != BlockKind::shell && step.kind != BlockKind::console) continue;
    emit.report(step.facts.syntax_error->span,
                "this shell block does not parse: " + step.facts.syntax_error->message +
                    "; whoever follows the runbook gets a syntax error instead of a fix",
                "fix the command (both tree-sitter-bash and `bash -n` reject it); write values to fill in as "
                "<placeholders>, and tag output or other languages with their own fence");
  }
}

const bool registered = register_rule({
    .code = "RB001",
    .name = "bash-syntax",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "A shell code block has a syntax error",
    .what = "Parses every bash, sh, zsh, shell and console block (prompted lines only) with tree-sitter-bash "
            "and confirms each error with `bash -n` before reporting it. Placeholders such as `<pod-name>` or "
            "`{{namespace}}` are treated as values, not as redirections.",
    .why = "A runbook is read under pressure. A command that no longer parses - an unclosed quote, a stray "
           "`fi`, a broken pipe - fails when it is pasted, and the engineer has to debug the runbook instead "
           "of the incident.",
    .instead = "Fix the quoting or the control structure. If the block is not shell (JSON, YAML, PromQL, "
               "command output), give its fence the right language tag.",
    .bad = {"# Restart\n\n```bash\nkubectl rollout restart deployment/api -n \"prod\n```\n", 4, 43},
    .good = {"# Restart\n\n```bash\nkubectl rollout restart deployment/<name> -n prod\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
