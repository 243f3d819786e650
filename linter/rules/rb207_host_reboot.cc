#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::string_view p = program(cmd);
  size_t at = 0;
  if (p == "reboot" || p == "halt" || p == "poweroff" || p == "shutdown") {
    // shutdown -c cancels; --help and -k (warn only) change nothing.
    if (has_flag(cmd, "ck", {"--help", "--version"})) return;
    at = 0;
  } else if (p == "systemctl") {
    std::vector<size_t> ops = operands(cmd);
    if (ops.empty()) return;
    std::string_view verb = cmd.argv[ops[0]].text;
    if (verb != "reboot" && verb != "poweroff" && verb != "halt" && verb != "kexec" && verb != "rescue" &&
        verb != "emergency")
      return;
    at = ops[0];
  } else if (p == "init" || p == "telinit") {
    std::vector<size_t> ops = operands(cmd);
    if (ops.empty() || (cmd.argv[ops[0]].text != "0" && cmd.argv[ops[0]].text != "6")) return;
    at = ops[0];
  } else {
    return;
  }
  emit.report(words_span(cmd, at, at),
              "`" + cmd.argv[at].text + "` takes the whole host down: every service on it stops, sessions drop, and "
              "it may not come back without console access",
              "restart only the failing service (systemctl restart <unit>), or drain the host from its load "
              "balancer first and declare the danger on the block");
}

const bool registered = register_rule({
    .code = "RB207",
    .name = "host-reboot",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Reboot, shut down or halt a host",
    .what = "Reports `reboot`, `shutdown` (not `shutdown -c`), `halt`, `poweroff`, `systemctl reboot|poweroff|"
            "halt|kexec|rescue|emergency` and `init 0`/`init 6`, also through sudo and ssh.",
    .why = "Restarting a host stops everything on it, not just the broken service, and a host that fails to come "
           "back needs console access nobody has at 3 a.m.",
    .instead = "Restart the one failing service; if the host must go, drain it from the load balancer first.",
    .bad = {"# Recover\n\n```bash\nssh db-1 sudo reboot\n```\n", 4, 15},
    .good = {"# Recover\n\n```bash\nsudo systemctl restart nginx\nsudo shutdown -c\n```\n"},
    .on_command = {.names = {"reboot", "halt", "poweroff", "shutdown", "systemctl", "init", "telinit"}, .check = check},
});

}  // namespace
}  // namespace rbc
