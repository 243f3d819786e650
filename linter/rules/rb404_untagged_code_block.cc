#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    if (!step.kind_guessed || !step.fenced) continue;
    const SourceFile& src = *rb.source;
    uint32_t begin = src.line_start(step.line);
    std::string_view fence = src.line_text(step.line);
    size_t at = fence.find_first_of("`~");
    if (at == std::string_view::npos) at = 0;
    size_t end = fence.find_last_of("`~");
    bool sql = step.kind == BlockKind::postgres || step.kind == BlockKind::mysql;
    emit.report({begin + static_cast<uint32_t>(at), begin + static_cast<uint32_t>(end + 1)},
                std::string("this code block has no language but holds ") + (sql ? "SQL" : "shell commands") +
                    "; it renders without highlighting and tools cannot tell it is meant to run",
                std::string("tag the fence: ```") + (sql ? "sql" : "bash"));
  }
}

const bool registered = register_rule({
    .code = "RB404",
    .name = "untagged-code-block",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A fenced code block without a language holds shell or SQL",
    .what = "Reports a fence with no info string whose content runbookc recognises as shell commands or SQL "
            "(it is still checked as such).",
    .why = "Without a tag the block renders as plain text, copy buttons and highlighting are off, and a "
           "reader (or a script generator) cannot tell commands from output.",
    .instead = "Tag the fence with what it holds: ```` ```bash ````, ```` ```sql ````, or ```` ```text ```` for output.",
    .bad = {"# Clean up\n\n```\nrm -rf /var/cache/app/*\n```\n", 3, 1},
    .good = {"# Clean up\n\n```bash\nrm -rf /var/cache/app/*\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
