// Reported by `runbookc alerts check` (linter/alerts_check.cc), which reads
// Prometheus rule files beside the runbooks: no lint of a runbook alone can.
// The examples are rule files, checked against the example runbook runbooks/ExampleJobDown.md
// (linter/rule_examples.h).
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB704",
    .name = "runbook-url-outside-base",
    .category = Category::alerting,
    .severity = Severity::note,
    .summary = "An alert's runbook URL is outside the mapped runbook site, so it is not checked",
    .what = "Reports a runbook URL that does not start with `alerts.runbook_url.base` (or any URL when no base is configured): the check cannot tell whether such a page exists.",
    .why = "A link that nothing checks breaks silently when pages move; often it is a copy of an old wiki link.",
    .instead = "Point the URL at the runbook site, or map its site with `alerts.runbook_url`.",
    .bad = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://wiki.example.com/ExampleJobDown\n", 7, 24},
    .good = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
