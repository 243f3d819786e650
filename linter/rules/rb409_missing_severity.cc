#include "linter/rule.h"
#include "linter/runbook_signals.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  if (!rb.metadata.severity.empty() || rb.sections.empty() || !looks_like_incident_runbook(rb)) return;
  const Section* title = &rb.sections.front();
  for (const Section& s : rb.sections)
    if (s.level == 1) {
      title = &s;
      break;
    }
  emit.report(title->span, "this runbook states no severity; responders cannot tell how urgent the alert is",
              "add `severity: P1` (P0-P3) to the front matter, or a \"**Severity:** P2\" line");
}

const bool registered = register_rule({
    .code = "RB409",
    .name = "missing-severity",
    .category = Category::structure,
    .severity = Severity::note,
    .summary = "The runbook does not state a severity",
    .what = "Reports an incident runbook (front matter with alerts, or runbook, alert, incident, playbook, outage "
            "in its path or title) with no severity in its front matter (`severity:` or `priority:`), no "
            "\"Severity:\" line and no single P0-P3 level in its headings. Other Markdown is not reported.",
    .why = "Severity decides who is woken up and how fast; the index and the site sort by it.",
    .instead = "State it: `severity: P2` in the front matter.",
    .bad = {"# Queue backlog alert\n\n## Mitigation\n\nScale workers.\n", 1, 1},
    .good = {"---\nseverity: P2\n---\n# Queue backlog alert\n\n## Mitigation\n\nScale workers.\n"},
    .example_config = "rules: {RB409: note}\n",
    // Most runbook repositories keep severity in the alert rules, not in the
    // runbook: on by default it reported 118 of 757 corpus files.
    .opt_in = true,
    .check = check,
});

}  // namespace
}  // namespace rbc
