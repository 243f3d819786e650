#include <algorithm>
#include <array>

#include "linter/effect_findings.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {

/// The value reaches no terminal when the command's output is piped into a
/// program that consumes it (`| docker login --password-stdin`); filters that
/// print what they read (jq, grep, base64 -d...) still show it.
bool output_consumed(const Step& step, const Command& cmd) {
  if (cmd.pipeline < 0) return false;
  const Command* last = &cmd;
  for (const Command& other : step.facts.commands)
    if (other.pipeline == cmd.pipeline && other.position_in_pipeline > last->position_in_pipeline) last = &other;
  if (last == &cmd) return false;
  static constexpr std::array<std::string_view, 18> kPrinters = {
      "jq", "yq", "grep", "egrep", "cut", "head", "tail", "awk", "sed", "tr", "cat", "less", "more", "base64",
      "sort", "tee", "column", "xxd"};
  std::string_view consumer = rules::program(*last);
  return std::find(kPrinters.begin(), kPrinters.end(), consumer) == kPrinters.end();
}

void on_command(const Runbook&, const Step& step, const Command& cmd, Emitter& emit) {
  if (output_consumed(step, cmd)) return;
  report_command_effect(cmd, Effect::prints_secret, emit);
}

const bool registered = register_rule({
    .code = "RB308",
    .name = "secret-store-read",
    .category = Category::secret,
    .severity = Severity::warning,
    .summary = "A secret read from a secret store is printed to the terminal",
    .what = "Reports commands that print a secret's value from a secret store, as the command-effect table "
            "classes them: `vault kv get`, `vault read`, `aws secretsmanager get-secret-value`, `aws ssm "
            "get-parameter --with-decryption`, `gcloud secrets versions access`, `az keyvault secret show`, `op "
            "read`, `sops -d`, `knife vault show`, `ceph auth get`. Output piped into a program that consumes it "
            "(`| docker login --password-stdin`) is not reported; piped into a filter that prints it (jq, grep, "
            "base64 -d) it is.",
    .why = "A secret on the screen ends up in scrollback, terminal recordings, screen shares and pasted incident "
           "timelines.",
    .instead = "Pipe the value to the command that needs it, or print a field that is not secret.",
    .bad = {"# Credentials\n\n```bash\nvault kv get secret/app/db\n```\n", 4, 1},
    .good = {"# Credentials\n\n```bash\nvault kv metadata get secret/app/db\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
});

}  // namespace
}  // namespace rbc
