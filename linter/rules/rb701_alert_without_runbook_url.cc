// Reported by `runbookc alerts check` (linter/alerts_check.cc), which reads
// Prometheus rule files beside the runbooks: no lint of a runbook alone can.
// The examples are rule files, checked against the example runbook runbooks/ExampleJobDown.md
// (linter/rule_examples.h).
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB701",
    .name = "alert-without-runbook-url",
    .category = Category::alerting,
    .severity = Severity::warning,
    .summary = "An alerting rule has no runbook URL",
    .what = "Reports an alerting rule (`alert:` in a Prometheus, Thanos or Mimir rule file, or in a Kubernetes PrometheusRule) without the annotation that links to its runbook: `runbook_url`, or the one `alerts.annotation` names.",
    .why = "The alert pages someone who then has to find the runbook alone, usually at night; Alertmanager and Grafana show the annotation as a link when it is there.",
    .instead = "Add `annotations: {runbook_url: ...}` pointing at the alert's runbook.",
    .bad = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n", 4, 9},
    .good = {"groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up{job=\"example\"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
