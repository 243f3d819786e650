#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (!step.fenced || step.closed) continue;
    const SourceFile& src = *runbook.source;
    uint32_t begin = src.line_start(step.line);
    emit.report({begin, begin + static_cast<uint32_t>(src.line_text(step.line).size())},
                "this code fence is never closed: everything after it renders as code and no later heading, "
                "link or step is seen",
                "add the closing fence where the code ends");
  }
}

const bool registered = register_rule({
    .code = "RB402",
    .name = "unterminated-fence",
    .category = Category::structure,
    .severity = Severity::error,
    .summary = "A code fence is opened but never closed",
    .what = "Reports a fenced code block that runs to the end of the document (or of its list item or quote) "
            "because its closing fence is missing.",
    .why = "The rest of the runbook turns into one code block: headings vanish from the table of contents, "
           "links stop working and a generated script would run prose as commands.",
    .instead = "Close the fence with the same character, at least as many times as it was opened.",
    .bad = {"# Restart\n\n```bash\nsystemctl restart api\n\n## Escalation\n", 3, 1},
    .good = {"# Restart\n\n```bash\nsystemctl restart api\n```\n\n## Escalation\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
