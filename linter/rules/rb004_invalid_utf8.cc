#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (uint32_t offset : runbook.invalid_utf8)
    emit.report({offset, offset + 1}, "invalid UTF-8 byte sequence; the text here is unreadable and may break tools that read the file",
                "re-save the file as UTF-8");
}

const bool registered = register_rule({
    .code = "RB004",
    .name = "invalid-utf8",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "The file contains bytes that are not valid UTF-8",
    .what = "Reports each byte sequence that is not valid UTF-8 (a file saved as Latin-1 or cut in the middle "
            "of a character). The rest of the runbook is still checked.",
    .why = "Renderers show replacement characters, and a command copied from such a line may not be the one "
           "that was written.",
    .instead = "Convert the file to UTF-8 (`iconv -f latin1 -t utf-8`).",
    .bad = {"# Caf\xe9 down\n", 1, 6},
    .good = {"# Caf\xc3\xa9 down\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
