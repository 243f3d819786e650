#include <array>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (!rules::is_checked(step)) continue;
    for (const UncheckedPart& part : step.facts.unchecked)
      emit.report(part.whole_block ? rules::fence_span(runbook, step) : part.span, part.reason,
                  "split the block or simplify what is nested, so that every command in it can be checked");
  }
}

/// The documented bad example: a command inside 400 nested subshells, past
/// the depth the walk over the shell follows (one frame for the program, one
/// per subshell: it stops at the 400th `( `, column 799).
constexpr int kDepth = 400;
constexpr std::string_view kHead = "# Deep\n\n```bash\n", kCommand = "rm -rf /var/lib/app", kTail = "\n```\n";
constexpr auto kDeepExample = [] {
  std::array<char, kHead.size() + 4 * kDepth + kCommand.size() + kTail.size()> text{};
  size_t at = 0;
  for (char c : kHead) text[at++] = c;
  for (int i = 0; i < kDepth; ++i) text[at++] = '(', text[at++] = ' ';
  for (char c : kCommand) text[at++] = c;
  for (int i = 0; i < kDepth; ++i) text[at++] = ' ', text[at++] = ')';
  for (char c : kTail) text[at++] = c;
  return text;
}();

const bool registered = register_rule({
    .code = "RB008",
    .name = "unchecked-code",
    .category = Category::syntax,
    .severity = Severity::warning,
    .summary = "Part of a code block could not be checked",
    .what = "Reports where the analysis of a code block stopped short instead of passing over it in silence: "
            "tree-sitter gave up on the block (each parse is bounded in time against pathological input), or "
            "the shell nests deeper than the walk over it follows (subshells, groups and substitutions hundreds "
            "deep, or shell inside `bash -c '...'` strings more than 6 levels deep). The finding stands at the "
            "fence when nothing in the block was checked, else where checking stopped.",
    .why = "No finding from an unchecked part does not mean it is safe: a `DROP TABLE` or an `rm -rf` there "
           "goes unreported, and so does a syntax error.",
    .instead = "Split the block into smaller ones and flatten the nesting; runbook commands are meant to be "
               "read and pasted by a person.",
    .bad = {std::string_view(kDeepExample.data(), kDeepExample.size()), 4, 2 * kDepth - 1},
    .good = {"# Shallow\n\n```bash\n(cd /var/lib/app && ls)\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
