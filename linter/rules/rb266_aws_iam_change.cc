#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool changes_access(std::string_view op) {
  for (std::string_view prefix : {"put-", "attach-", "detach-", "delete-", "remove-", "update-assume-role-policy",
                                  "update-access-key", "deactivate-mfa-device", "create-policy-version",
                                  "set-default-policy-version"})
    if (starts_with(op, prefix)) return true;
  return false;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2 || cmd.argv[ops[0]].text != "iam" || !changes_access(cmd.argv[ops[1]].text)) return;
  emit.report(words_span(cmd, ops[0], ops[1]),
              "`aws iam " + cmd.argv[ops[1]].text +
                  "` changes who may do what in the account: services lose permissions (or gain too many) at once, "
                  "and the previous policy is not recorded",
              "save the current policy (get-*-policy) in the step so it can be restored, and prefer changing IAM "
              "through infrastructure as code");
}

const bool registered = register_rule({
    .code = "RB266",
    .name = "aws-iam-change",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "An aws iam call changes policies, keys or role trust",
    .what = "Reports aws iam operations that change access: put-*-policy, attach-*/detach-*, delete-*, remove-*, "
            "update-assume-role-policy, update-access-key, policy versions.",
    .why = "IAM changes apply account-wide within seconds. A policy replaced rather than amended, or a key "
           "deactivated on the wrong user, breaks services in ways that look unrelated.",
    .instead = "Read and save the current policy first; make the change in infrastructure as code when possible.",
    .bad = {"# Grant\n\n```bash\naws iam put-role-policy --role-name app --policy-name s3 --policy-document file://p.json\n```\n", 4, 5},
    .good = {"# Inspect\n\n```bash\naws iam get-role-policy --role-name app --policy-name s3\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
