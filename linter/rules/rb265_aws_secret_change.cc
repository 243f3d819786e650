#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2) return;
  std::string_view service = cmd.argv[ops[0]].text, op = cmd.argv[ops[1]].text;
  bool secret = service == "secretsmanager" && (op == "update-secret" || op == "put-secret-value" || op == "delete-secret");
  bool parameter = service == "ssm" && ((op == "put-parameter" && has_flag(cmd, "", {"--overwrite"})) ||
                                        op == "delete-parameter" || op == "delete-parameters");
  if (!secret && !parameter) return;
  emit.report(words_span(cmd, ops[0], ops[1]),
              "`aws " + std::string(service) + " " + std::string(op) +
                  "` replaces or removes a value services read at start-up: the next restart picks up the new (or "
                  "missing) value, and the old one is not kept in the runbook",
              "record the current version id first (describe-secret / get-parameter), roll the consumers in a "
              "controlled way, and keep the previous version to roll back");
}

const bool registered = register_rule({
    .code = "RB265",
    .name = "aws-secret-change",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "A Secrets Manager secret or SSM parameter is overwritten or deleted",
    .what = "Reports `secretsmanager update-secret`, `put-secret-value`, `delete-secret`, and `ssm put-parameter "
            "--overwrite`, `delete-parameter(s)`.",
    .why = "Credentials and configuration change under running services: some instances keep the old value, new "
           "ones get the new, and a typo locks everyone out on the next deploy.",
    .instead = "Note the current version, change the value through the rotation process, and restart consumers "
               "deliberately.",
    .bad = {"# Rotate\n\n```bash\naws secretsmanager put-secret-value --secret-id prod/db --secret-string \"$NEW\"\n```\n", 4, 5},
    .good = {"# Rotate\n\n```bash\naws secretsmanager describe-secret --secret-id prod/db\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
