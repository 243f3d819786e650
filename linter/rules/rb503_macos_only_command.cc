#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::string_view p = program(cmd);
  if ((p != "open" && p != "pbcopy" && p != "pbpaste") || runs_remotely(cmd) || !cmd.wrappers.empty()) return;
  if (p == "open" && operands(cmd).empty()) return;
  emit.report(cmd.argv[0].span,
              "`" + std::string(p) + "` exists only on macOS; on Linux the step fails with \"command not found\"",
              p == "open" ? "say `xdg-open` for Linux too, or give the URL as a link in the text"
                          : "on Linux use `xclip -selection clipboard` (or `wl-copy`), or avoid the clipboard step");
}

const bool registered = register_rule({
    .code = "RB503",
    .name = "macos-only-command",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "open, pbcopy and pbpaste exist only on macOS",
    .what = "Reports the macOS commands `open <file|url>`, `pbcopy` and `pbpaste` when run locally.",
    .why = "Engineers on Linux (or in a jump host or CI) cannot follow the step as written.",
    .instead = "Link URLs in the text, or give both the macOS and the Linux command.",
    .bad = {"# Dashboard\n\n```bash\nopen https://grafana.example.com/d/api\n```\n", 4, 1},
    .good = {"# Dashboard\n\n```bash\nopenssl s_client -connect api.example.com:443\n```\n"},
    .on_command = {.names = {"open", "pbcopy", "pbpaste"}, .check = check},
});

}  // namespace
}  // namespace rbc
