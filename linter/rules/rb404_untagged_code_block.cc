#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    if (!step.kind_guessed || !step.fenced) continue;
    bool sql = step.kind == BlockKind::postgres || step.kind == BlockKind::mysql;
    bool ruby = step.kind == BlockKind::ruby;
    // The tag that keeps the analysis the block has now: MySQL stays MySQL, a
    // session with `$ ` prompts a console transcript.
    std::string tag = step.kind == BlockKind::mysql     ? "mysql"
                      : sql                             ? "sql"
                      : ruby                            ? "ruby"
                      : step.kind == BlockKind::console ? "console"
                                                        : "bash";
    Diagnostic& d = emit.report(rules::fence_span(rb, step),
                                std::string("this code block has no language but holds ") +
                                    (sql ? "SQL" : ruby ? "Ruby" : "shell commands") +
                                    "; it renders without highlighting and tools cannot tell it is meant to run",
                                "tag the fence: ```" + tag);
    if (std::optional<Span> at = rules::fence_language_span(rb, step))
      d.fix = Fix{{emit.edit(*at, tag)}, true, "tag the block as `" + tag + "`"};
  }
}

const bool registered = register_rule({
    .code = "RB404",
    .name = "untagged-code-block",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A fenced code block without a language holds shell or SQL",
    .what = "Reports a fence with no info string whose content runbookc recognises as shell commands, SQL or "
            "Ruby (a method called on a constant, as in a Rails console) (it is still checked as such).",
    .why = "Without a tag the block renders as plain text, copy buttons and highlighting are off, and a "
           "reader (or a script generator) cannot tell commands from output.",
    .instead = "Tag the fence with what it holds: ```` ```bash ````, ```` ```sql ````, or ```` ```text ```` for output.",
    .fix = "writes the language runbookc recognised after the opening fence: `bash`, `console` (when it has `$ ` prompts), `sql`, `mysql` or `ruby`.",
    .bad = {"# Clean up\n\n```\nrm -rf /var/cache/app/*\n```\n", 3, 1},
    .good = {"# Clean up\n\n```bash\nrm -rf /var/cache/app/*\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
