#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  const FrontMatter& fm = runbook.front_matter;
  if (!fm.present || !fm.error) return;
  const SourceFile& src = *runbook.source;
  uint32_t begin = src.line_start(fm.error_line);
  std::string_view line = src.line_text(fm.error_line);
  // Column is in code points; walk to the byte it names.
  uint32_t col = 1, at = 0;
  while (at < line.size() && col < fm.error_column) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
    ++col;
  }
  emit.report({begin + at, begin + static_cast<uint32_t>(line.size())},
              "front matter is not valid YAML: " + *fm.error + "; title, owner, severity and alerts are not read from it",
              "fix the YAML (quote values containing ': ' or '#'); the rest of the runbook is still checked");
}

const bool registered = register_rule({
    .code = "RB006",
    .name = "invalid-front-matter",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "The YAML front matter does not parse",
    .what = "Parses the front matter between the leading `---` lines as YAML and reports the first error at its line.",
    .why = "The metadata the site, the alert index and the review reminders rely on is lost: the runbook "
           "shows no owner and its alerts point nowhere.",
    .instead = "Fix the YAML; quote values that contain `: `.",
    .bad = {"---\ntitle: Auth down\nowner: [sre\n---\n# Auth down\n", 4, 1},
    .good = {"---\ntitle: \"Auth: down\"\nowner: sre\n---\n# Auth down\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
