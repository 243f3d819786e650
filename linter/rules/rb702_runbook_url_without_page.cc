// Reported by `runbookc alerts check` (linter/alerts_check.cc), which reads
// Prometheus rule files beside the runbooks: no lint of a runbook alone can.
// The examples are rule files, checked against the example runbook runbooks/ExampleJobDown.md
// (linter/rule_examples.h).
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB702",
    .name = "runbook-url-without-page",
    .category = Category::alerting,
    .severity = Severity::error,
    .summary = "An alert's runbook URL leads to no runbook",
    .what = "Maps the alert's runbook URL to a source file through `alerts.runbook_url` (base URL, source directory, case folding) and reports the URL when no runbook is published there: none of `{path}.md`, `{path}.html.md`, `{path}/index.md`, `{path}/_index.md`, `{path}/README.md` is among the runbooks.",
    .why = "The link is what the engineer paged follows first; a 404 in the middle of an incident costs minutes and trust in every other runbook link.",
    .instead = "Write the runbook at the path the URL names, or correct the URL (Hugo lower-cases page URLs: set `case: lower` when the site is built with it).",
    .bad = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobfailed\n", 7, 24},
    .good = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
