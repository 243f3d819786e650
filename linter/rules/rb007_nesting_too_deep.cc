// Reported by the driver (linter/driver.cc, report_flattened): the front end
// flattens the nesting while building the document tree and tells it in ParseNotes.
#include "linter/rule.h"

namespace rbc {
namespace {

const bool registered = register_rule({
    .code = "RB007",
    .name = "nesting-too-deep",
    .category = Category::syntax,
    .severity = Severity::warning,
    .summary = "Lists, block quotes or emphasis nest too deeply",
    .what = "Reports the first list, block quote, link or emphasis nested deeper than 32 levels. Everything "
            "still reaches the page and the scripts, but the containers past that depth are dropped and their "
            "content is shown in the last kept one.",
    .why = "No reader follows such nesting, and without a bound one runbook could exhaust the stack of the "
           "programs that walk its document tree.",
    .instead = "Nest lists and block quotes a few levels at most.",
    .bad = {"# T\n\n>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep\n", 3, 33},
    .good = {"# T\n\n> > quoted twice\n"},
    .reported_by_pass = true,
});

}  // namespace
}  // namespace rbc
