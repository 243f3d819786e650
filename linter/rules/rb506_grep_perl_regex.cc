#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (runs_remotely(cmd)) return;
  size_t at = find_flag(cmd, "P", {"--perl-regexp"});
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`grep " + cmd.argv[at].text + "` (Perl regular expressions) is GNU-only: macOS and BSD grep stop "
              "with \"invalid option\"",
              "use `grep -E` with a POSIX pattern, or `perl -ne 'print if /.../'`");
}

const bool registered = register_rule({
    .code = "RB506",
    .name = "grep-perl-regex",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "grep -P is not available on macOS and BSD",
    .what = "Reports `grep -P` (also in clusters such as `-oP`) and `--perl-regexp` in commands run locally, "
            "unless the runbook evidently targets Linux servers.",
    .why = "BSD grep has no Perl mode, so the step breaks for engineers on macOS.",
    .instead = "`grep -E` with a POSIX extended pattern, or perl.",
    .bad = {"# Extract\n\n```bash\ngrep -oP 'id=\\K\\d+' app.log\n```\n", 4, 6},
    .good = {"# Extract\n\n```bash\ngrep -oE 'id=[0-9]+' app.log\n```\n"},
    .on_command = {.names = {"grep"}, .check = check},
    .applies_to = not_for_linux_servers,
});

}  // namespace
}  // namespace rbc
