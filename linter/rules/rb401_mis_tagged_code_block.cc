#include "linter/rule.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (step.kind_guessed || step.facts.mistagged_as.empty()) continue;
    const SourceFile& src = *runbook.source;
    uint32_t begin = src.line_start(step.line);
    std::string_view fence = src.line_text(step.line);
    const StepFacts& facts = step.facts;
    std::string tag = !facts.mistagged_tag.empty() ? facts.mistagged_tag
                      : facts.mistagged_as == "output" ? "text"
                                                       : facts.mistagged_as;
    std::string help = "tag the fence ```" + tag + "``` instead";
    if (tag == "console")
      help += ", with `$ ` before the shell commands, so that the rest reads as the session they start";
    Diagnostic& d = emit.report({begin, begin + static_cast<uint32_t>(fence.size())},
                "this block is tagged `" + step.language + "` but holds " + facts.mistagged_as +
                    "; highlighting is wrong and runbookc script would try to run it",
                help);
    // A session retagged `console` also needs `$ ` prompts written: no fix.
    if (tag == "console") continue;
    if (std::optional<Span> at = rules::fence_language_span(runbook, step))
      d.fix = Fix{{emit.edit(*at, tag)}, true, "retag the block as `" + tag + "`"};
  }
}

const bool registered = register_rule({
    .code = "RB401",
    .name = "mis-tagged-code-block",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A code block's language tag does not match its content",
    .what = "When a shell or SQL block does not parse and its content is recognisably something else - JSON, "
            "YAML, PromQL, command output, another language - reports the tag once instead of a flood of "
            "syntax errors. A shell block that holds a session typed at another program's prompt (psql `db=# `, "
            "mysql, redis-cli, irb/pry/rails console, the mongo shell) without `$ ` prompts, or fish, zsh or "
            "PowerShell under a tag naming bash or sh, is reported the same way; what was typed at a psql, "
            "mysql or redis-cli prompt is still checked in that language.",
    .why = "A wrong tag gives wrong highlighting, and a generated script would run output or a query language "
           "as shell.",
    .instead = "Use the tag of what the block holds: `json`, `yaml`, `promql`, `text` for output.",
    .fix = "replaces the fence's language tag with the one the content was recognised as (`text` for command "
           "output); a block that needs `$ ` prompts to become a `console` session is left to you.",
    .bad = {"# Alert\n\n```bash\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n", 3, 1},
    .good = {"# Alert\n\n```promql\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
