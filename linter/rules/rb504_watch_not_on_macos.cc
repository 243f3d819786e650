#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook& runbook, Emitter& emit) {
  if (targets_linux_servers(runbook)) return;
  const std::string& file = runbook.source->text();
  uint32_t last_reported = UINT32_MAX;
  for_each_command(runbook, [&](const Step&, const Command& cmd) {
    if (cmd.wrappers.empty() || cmd.wrappers.front() != "watch") return;
    // `watch` is unwrapped away: find the word on the command's line, before it.
    uint32_t line_start = cmd.span.begin;
    while (line_start > 0 && file[line_start - 1] != '\n') --line_start;
    size_t length = std::min<size_t>(cmd.span.begin - line_start + 5, file.size() - line_start);
    std::string_view before(file.data() + line_start, length);
    size_t at = before.find("watch");
    uint32_t begin = at == std::string_view::npos ? cmd.span.begin : line_start + static_cast<uint32_t>(at);
    if (begin == last_reported) return;
    last_reported = begin;
    emit.report({begin, begin + 5},
                "`watch` is not installed on macOS by default; the step fails with \"command not found\" on a laptop",
                "mention `brew install watch`, or loop: `while true; do kubectl get pods; sleep 2; done`, or use the "
                "tool's own watch flag (kubectl get -w)");
  });
}

const bool registered = register_rule({
    .code = "RB504",
    .name = "watch-not-on-macos",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "watch is not available on macOS by default",
    .what = "Reports commands run under `watch` locally, unless the runbook evidently targets Linux servers.",
    .why = "macOS ships without watch; an engineer following the runbook from a laptop gets an error at the step "
           "meant to show recovery progress.",
    .instead = "Use the tool's own watch mode (`kubectl get pods -w`) or a small while-sleep loop.",
    .bad = {"# Progress\n\n```bash\nwatch -n 5 kubectl get pods -n prod\n```\n", 4, 1},
    .good = {"# Progress\n\n```bash\nkubectl get pods -n prod -w\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
