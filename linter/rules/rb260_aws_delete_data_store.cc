#include <array>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

struct Operation {
  std::string_view service, operation;
};

// Operations that destroy stored data (databases, volumes, buckets, keys).
constexpr std::array<Operation, 28> kDataLoss = {{
    {"rds", "delete-db-instance"},          {"rds", "delete-db-cluster"},
    {"rds", "delete-db-snapshot"},          {"rds", "delete-db-cluster-snapshot"},
    {"dynamodb", "delete-table"},           {"dynamodb", "delete-backup"},
    {"s3api", "delete-bucket"},             {"ec2", "delete-volume"},
    {"ec2", "delete-snapshot"},             {"ec2", "terminate-instances"},
    {"efs", "delete-file-system"},          {"elasticache", "delete-cache-cluster"},
    {"elasticache", "delete-replication-group"}, {"elasticache", "delete-snapshot"},
    {"redshift", "delete-cluster"},         {"cloudformation", "delete-stack"},
    {"kms", "schedule-key-deletion"},       {"backup", "delete-recovery-point"},
    {"backup", "delete-backup-vault"},      {"es", "delete-elasticsearch-domain"},
    {"opensearch", "delete-domain"},        {"docdb", "delete-db-cluster"},
    {"kinesis", "delete-stream"},           {"sqs", "delete-queue"},
    {"sqs", "purge-queue"},                 {"ecr", "delete-repository"},
    {"eks", "delete-cluster"},              {"logs", "delete-log-group"},
}};

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() < 2) return;
  std::string_view service = cmd.argv[ops[0]].text, operation = cmd.argv[ops[1]].text;
  bool hit = std::any_of(kDataLoss.begin(), kDataLoss.end(),
                         [&](const Operation& o) { return o.service == service && o.operation == operation; });
  hit = hit || (service == "s3" && operation == "rb") ||
        (service == "s3" && operation == "rm" && has_flag(cmd, "", {"--recursive"}));
  if (!hit) return;
  emit.report(words_span(cmd, ops[0], ops[1]),
              "`aws " + std::string(service) + " " + std::string(operation) +
                  "` permanently destroys stored data (a database, volume, bucket, queue or key); AWS cannot "
                  "undo it",
              "take and verify a final snapshot or backup first, double-check the identifier, and declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB260",
    .name = "aws-delete-data-store",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "An aws CLI call destroys a database, volume, bucket or other data store",
    .what = "Reports aws CLI operations that delete stored data: RDS/DocumentDB instances, clusters and snapshots, "
            "DynamoDB tables, S3 buckets (`s3 rb`, `s3api delete-bucket`) and recursive `s3 rm`, EBS volumes and "
            "snapshots, `ec2 terminate-instances`, EFS, ElastiCache, Redshift, CloudFormation stacks, KMS key "
            "deletion, SQS queues and purges, ECR repositories, EKS clusters, log groups.",
    .why = "These calls cannot be reverted. An identifier typed from memory or copied from the wrong environment "
           "deletes production data.",
    .instead = "Snapshot first, check the identifier with a describe call, and declare the danger on the block.",
    .bad = {"# Cleanup\n\n```bash\naws s3 rm s3://app-uploads/tmp/ --recursive\n```\n", 4, 5},
    .good = {"# Cleanup\n\n```bash\naws s3 ls s3://app-uploads/tmp/ --recursive\naws s3 rm s3://app-uploads/tmp/one.txt\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
