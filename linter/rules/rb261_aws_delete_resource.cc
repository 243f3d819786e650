#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

// Reported elsewhere (data stores, IAM, secrets) or routine (messages, tags).
bool handled_elsewhere_or_routine(std::string_view service, std::string_view operation) {
  if (service == "iam" || service == "secretsmanager" || service == "ssm") return true;
  for (std::string_view op : {"delete-message", "delete-message-batch", "delete-tags", "delete-db-instance",
                              "delete-db-cluster", "delete-db-snapshot", "delete-db-cluster-snapshot", "delete-table",
                              "delete-backup", "delete-bucket", "delete-volume", "delete-snapshot",
                              "terminate-instances", "delete-file-system", "delete-cache-cluster",
                              "delete-replication-group", "delete-cluster", "delete-stack", "delete-recovery-point",
                              "delete-backup-vault", "delete-elasticsearch-domain", "delete-domain", "delete-stream",
                              "delete-queue", "delete-repository", "delete-log-group"})
    if (operation == op) return true;
  return false;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2) return;
  std::string_view service = cmd.argv[ops[0]].text, operation = cmd.argv[ops[1]].text;
  if (!starts_with(operation, "delete-") && !starts_with(operation, "terminate-")) return;
  if (handled_elsewhere_or_routine(service, operation)) return;
  emit.report(words_span(cmd, ops[0], ops[1]),
              "`aws " + std::string(service) + " " + std::string(operation) +
                  "` deletes a live resource; whatever depends on it fails until it is recreated by hand",
              "describe the resource first and note how to recreate it (or that IaC will), and declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB261",
    .name = "aws-delete-resource",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "An aws CLI call deletes or terminates a resource",
    .what = "Reports aws CLI operations named delete-* or terminate-* not covered by aws-delete-data-store, the "
            "IAM and secrets rules, or routine calls (delete-message, delete-tags).",
    .why = "Deleting load balancers, target groups, functions, alarms or DNS records breaks whatever relied on "
           "them, and recreating them by hand during an incident is slow and error-prone.",
    .instead = "Describe the resource first, make sure it can be recreated (ideally by infrastructure as code), "
               "and declare the danger.",
    .bad = {"# Cleanup\n\n```bash\naws elbv2 delete-load-balancer --load-balancer-arn \"$LB_ARN\"\n```\n", 4, 5},
    .good = {"# Cleanup\n\n```bash\naws elbv2 describe-load-balancers\naws sqs delete-message --queue-url \"$Q\" --receipt-handle \"$R\"\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
