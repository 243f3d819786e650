// Reported by the suppression pass (linter/suppression.cc): it needs the
// findings of every other rule to know what a suppression hid.
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB410",
    .name = "suppression-without-reason",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A suppression hides an error-severity finding without a reason",
    .what = "Reports a `runbookc-disable...` comment (or `# runbookc: disable=...` in code) that hid at least one "
            "error-severity finding and carries no `reason=\"...\"`.",
    .why = "A silenced error with no explanation looks the same as a reviewed exception; the reader of the "
           "runbook during an incident cannot tell which one it is.",
    .instead = "Say why the finding is acceptable: `<!-- runbookc-disable-next-block RB402 reason=\"...\" -->`.",
    .bad = {"# Restart\n\n<!-- runbookc-disable-next-block RB402 -->\n```bash\nsystemctl restart api\n", 3, 1},
    .good = {"# Restart\n\n<!-- runbookc-disable-next-block RB402 reason=\"the page ends with this block\" -->\n"
             "```bash\nsystemctl restart api\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
