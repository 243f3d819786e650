// Reported by `runbookc alerts check` (linter/alerts_check.cc), which reads
// Prometheus rule files beside the runbooks: no lint of a runbook alone can.
// The examples are runbooks, checked against the example rule file, which defines ExampleJobDown alone
// (linter/rule_examples.h).
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB705",
    .name = "runbook-names-undefined-alert",
    .category = Category::alerting,
    .severity = Severity::warning,
    .summary = "A runbook names an alert that no rule file defines",
    .what = "Reports an alert name a runbook gives (front matter `alerts:`, a file named after the alert in an "
            "alerts/ or runbooks/ tree, a title that is the alert's name, or `alerts.name_pattern`) when none of "
            "the rule files given to `alerts check` defines that alert, at the place the name was found.",
    .why = "The alert was renamed or removed: the runbook no longer answers any page, and the alert under its "
           "new name may have no runbook at all.",
    .instead = "Name the runbook after the alert as the rule file spells it, or retire the runbook.",
    .bad = {"# ExampleJobFailed\n\nRestart the job.\n", 1, 3},
    .good = {"# ExampleJobDown\n\nRestart the job.\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
