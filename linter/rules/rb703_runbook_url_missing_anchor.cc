// Reported by `runbookc alerts check` (linter/alerts_check.cc), which reads
// Prometheus rule files beside the runbooks: no lint of a runbook alone can.
// The examples are rule files, checked against the example runbook runbooks/ExampleJobDown.md
// (linter/rule_examples.h).
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB703",
    .name = "runbook-url-missing-anchor",
    .category = Category::alerting,
    .severity = Severity::error,
    .summary = "An alert's runbook URL points at a section the runbook does not have",
    .what = "For a runbook URL with a fragment (`#mitigation`), reports the URL when the runbook it leads to has no heading with that anchor (GitHub's slugs, which Hugo's `anchorize` also makes for ASCII headings).",
    .why = "The page opens at its top instead of the steps the alert needs, or the section was renamed and the alert now points at advice that is gone.",
    .instead = "Link to an existing heading's anchor, or drop the fragment.",
    .bad = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown#rollback\n", 7, 24},
    .good = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown#mitigation\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
