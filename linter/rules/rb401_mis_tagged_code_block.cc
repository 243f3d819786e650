#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (step.kind_guessed || step.facts.mistagged_as.empty()) continue;
    const SourceFile& src = *runbook.source;
    uint32_t begin = src.line_start(step.line);
    std::string_view fence = src.line_text(step.line);
    emit.report({begin, begin + static_cast<uint32_t>(fence.size())},
                "this block is tagged `" + step.language + "` but holds " + step.facts.mistagged_as +
                    "; highlighting is wrong and runbookc script would try to run it",
                "tag the fence ```" + std::string(step.facts.mistagged_as == "output" ? "text" : step.facts.mistagged_as) +
                    "``` instead");
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
            "syntax errors.",
    .why = "A wrong tag gives wrong highlighting, and a generated script would run output or a query language "
           "as shell.",
    .instead = "Use the tag of what the block holds: `json`, `yaml`, `promql`, `text` for output.",
    .bad = {"# Alert\n\n```bash\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n", 3, 1},
    .good = {"# Alert\n\n```promql\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
