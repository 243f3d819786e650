#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// Signals that only ask a daemon to reload or reopen its logs.
bool is_gentle_signal(std::string_view flag) {
  for (std::string_view s : {"-HUP", "-1", "-SIGHUP", "-USR1", "-SIGUSR1", "-USR2", "-SIGUSR2", "-0", "-l", "-L",
                             "--list", "-V", "--version", "-WINCH", "-SIGWINCH"})
    if (flag == s) return true;
  return false;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::string_view p = program(cmd);
  if (p == "kill") {
    // kill [-SIG | -s SIG | -n NUM] [--] pid...: -1 as a pid means every process.
    size_t i = 1;
    if (i < cmd.argv.size() && (cmd.argv[i].text == "-s" || cmd.argv[i].text == "-n")) i += 2;
    else if (i < cmd.argv.size() && cmd.argv[i].text.size() > 1 && cmd.argv[i].text[0] == '-' && cmd.argv[i].text != "--")
      ++i;
    if (i < cmd.argv.size() && cmd.argv[i].text == "--") ++i;
    for (; i < cmd.argv.size(); ++i)
      if (cmd.argv[i].text == "-1")
        emit.report(cmd.argv[i].span,
                    "`kill ... -1` signals every process this user may signal; as root that is the whole host, "
                    "including sshd and the shell running the runbook",
                    "kill the specific process ids (pgrep -f <pattern> to find them)");
    return;
  }
  if (p == "killall") {
    for (size_t i = 1; i < cmd.argv.size(); ++i)
      if (is_gentle_signal(cmd.argv[i].text)) return;
    if (operands(cmd).empty()) return;
    emit.report(cmd.argv[0].span,
                "`killall` stops every process with that name on the host, not only the stuck one; other instances "
                "and unrelated programs of the same name die too",
                "find the one process (pgrep -a <name>) and kill its pid, or restart the service through its "
                "supervisor (systemctl restart <unit>)");
  }
}

const bool registered = register_rule({
    .code = "RB210",
    .name = "kill-every-process",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "kill -1 or killall stops many processes at once",
    .what = "Reports `kill` with -1 as a process id (`kill -9 -1`, `kill -- -1`) and `killall <name>` unless the "
            "signal only asks for a reload (-HUP, -USR1, -USR2, -0).",
    .why = "These signal every matching process on the host. As root, `kill -9 -1` ends the session and sshd; "
           "killall takes down all instances of a name, not only the stuck one.",
    .instead = "Find the specific pid with `pgrep -a` and kill it, or restart the service through its supervisor.",
    .bad = {"# Unstick\n\n```bash\nsudo kill -9 -1\n```\n", 4, 14},
    .good = {"# Unstick\n\n```bash\nkill -9 12345\nkill -1 4242\nkillall -HUP nginx\n```\n"},
    .on_command = {.names = {"kill", "killall"}, .check = check},
});

}  // namespace
}  // namespace rbc
