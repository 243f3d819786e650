#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  if (runbook.binary)
    emit.report({0, 0}, "this is a binary file (it contains NUL bytes), not a Markdown runbook; it was not checked",
                "pass only Markdown files, or exclude this path");
}

const bool registered = register_rule({
    .code = "RB005",
    .name = "binary-file",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "A file given as a runbook is binary",
    .what = "Reports a file that contains NUL bytes instead of analysing it.",
    .why = "A binary file named as a runbook is a mistake in the path list or in the file itself.",
    .instead = "Lint only Markdown files.",
    .bad = {std::string_view("# x\0y\n", 6), 1, 1},
    .good = {"# Runbook\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
