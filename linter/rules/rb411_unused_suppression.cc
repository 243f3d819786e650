// Reported by the suppression pass (linter/suppression.cc): it needs the
// findings of every other rule to know that a suppression hid nothing.
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB411",
    .name = "unused-suppression",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A suppression comment matches no finding, or names no rule",
    .what = "Reports a suppression comment that hid nothing: the problem was fixed, the code is misspelt, or "
            "the comment sits in the wrong place.",
    .why = "A stale suppression stays in the runbook and silently hides the next real problem at that place.",
    .instead = "Remove the comment, or fix the code it names.",
    .bad = {"# Restart\n\n<!-- runbookc-disable-next-block RB402 reason=\"old\" -->\n```bash\nsystemctl restart api\n```\n",
            3, 1},
    .good = {"# Restart\n\n```bash\nsystemctl restart api\n```\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
