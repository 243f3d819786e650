#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (runs_remotely(cmd)) return;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    bool gnu = w == "-d" || starts_with(w, "--date") || starts_with(w, "--iso-8601") || w == "-I" ||
               starts_with(w, "-Iseconds") || starts_with(w, "-Iminutes") || starts_with(w, "-Ihours") ||
               w == "-Idate" || starts_with(w, "--rfc-3339");
    if (!gnu) continue;
    emit.report(cmd.argv[i].span,
                "`date " + std::string(w) + "` is GNU-only: on macOS and BSD `date` rejects it or means something "
                "else (-d sets daylight saving), so the step fails on a laptop",
                "use `date -u +%Y-%m-%dT%H:%M:%SZ` for formatting, or gdate (coreutils) and say so in the runbook");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB501",
    .name = "gnu-date-options",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "date -d, --date or --iso-8601 only work with GNU date",
    .what = "Reports GNU-only options of `date` (-d, --date, -I/--iso-8601, --rfc-3339) in commands run locally, "
            "unless the runbook evidently targets Linux servers (it uses systemctl, journalctl, apt-get, yum, "
            "dnf or apk). Commands run through ssh or kubectl exec are not reported.",
    .why = "Runbooks are often followed from a macOS laptop, where these options fail or do something else.",
    .instead = "Use format strings both implementations accept (`date -u +%s`), or name gdate explicitly.",
    .bad = {"# Window\n\n```bash\ndate -d '1 hour ago' +%s\n```\n", 4, 6},
    .good = {"# Window\n\n```bash\ndate -u +%Y-%m-%dT%H:%M:%SZ\n```\n"},
    .on_command = {.names = {"date"}, .check = check},
    .applies_to = not_for_linux_servers,
});

}  // namespace
}  // namespace rbc
