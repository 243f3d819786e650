#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2) return;
  std::string_view service = cmd.argv[ops[0]].text, op = cmd.argv[ops[1]].text;
  std::string what;
  if ((service == "rds" || service == "docdb" || service == "neptune") &&
      (op == "reboot-db-instance" || op == "reboot-db-cluster" || op == "failover-db-cluster" ||
       op == "failover-global-cluster"))
    what = "restarts or fails over the database: every connection drops and writes fail until it is back";
  else if (service == "elasticache" && (op == "reboot-cache-cluster" || op == "test-failover"))
    what = "restarts cache nodes: connections drop and non-persisted data is lost";
  else if ((service == "rds" || service == "docdb") && (op == "modify-db-instance" || op == "modify-db-cluster") &&
           has_flag(cmd, "", {"--apply-immediately"}))
    what = "with --apply-immediately applies the change now, which for a class or storage change means a "
           "restart or failover in business hours";
  else
    return;
  emit.report(words_span(cmd, ops[0], ops[1]), "`aws " + std::string(service) + " " + std::string(op) + "` " + what,
              "announce the interruption, make sure the application retries connections, and prefer a Multi-AZ "
              "failover or the maintenance window");
}

const bool registered = register_rule({
    .code = "RB262",
    .name = "aws-database-reboot",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "An aws CLI call reboots or fails over a managed database or cache",
    .what = "Reports `rds reboot-db-instance`, `reboot-db-cluster`, `failover-db-cluster` (also DocumentDB and "
            "Neptune), ElastiCache `reboot-cache-cluster`/`test-failover`, and `modify-db-instance`/"
            "`modify-db-cluster` with `--apply-immediately`.",
    .why = "The database is unavailable for seconds to minutes: open transactions abort, connection pools fill "
           "with dead connections, and a single-AZ instance may take long to return.",
    .instead = "Prefer failover on Multi-AZ, apply modifications in the maintenance window, and tell users first.",
    .bad = {"# Restart\n\n```bash\naws rds reboot-db-instance --db-instance-identifier app-prod\n```\n", 4, 5},
    .good = {"# Restart\n\n```bash\naws rds describe-db-instances --db-instance-identifier app-prod\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
