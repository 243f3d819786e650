// Danger rules over cloud and infrastructure CLIs (RB260-RB272).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB260 aws-delete-data-store and RB261 aws-delete-resource do not overlap") {
  auto r = lint(bash("aws rds delete-db-instance --db-instance-identifier app\n"
                     "aws --region eu-west-1 dynamodb delete-table --table-name t\n"
                     "aws s3 rb s3://bucket --force\n"
                     "aws s3 rm s3://bucket/ --recursive\n"
                     "aws s3 rm s3://bucket/one.txt\n"
                     "aws lambda delete-function --function-name f\n"
                     "aws sqs delete-message --queue-url q --receipt-handle h\n"
                     "aws rds describe-db-instances\n"));
  CHECK(positions(r, "RB260") == list({"4:5", "5:24", "6:5", "7:5"}));
  CHECK(positions(r, "RB261") == list({"9:5"}));
}

TEST_CASE("RB262 aws-database-reboot") {
  auto r = lint(bash("aws rds reboot-db-instance --db-instance-identifier app\n"
                     "aws rds failover-db-cluster --db-cluster-identifier c\n"
                     "aws rds modify-db-instance --db-instance-identifier app --apply-immediately\n"
                     "aws rds modify-db-instance --db-instance-identifier app --backup-retention-period 7\n"
                     "aws elasticache reboot-cache-cluster --cache-cluster-id c --cache-node-ids-to-reboot 0001\n"));
  CHECK(positions(r, "RB262") == list({"4:5", "5:5", "6:5", "8:5"}));
}

TEST_CASE("RB263 aws-scale-to-zero and RB264 ecs-force-new-deployment") {
  auto r = lint(bash("aws ecs update-service --cluster c --service s --desired-count 0\n"
                     "aws ecs update-service --cluster c --service s --desired-count=10\n"
                     "aws autoscaling set-desired-capacity --auto-scaling-group-name g --desired-capacity 0\n"
                     "aws ecs update-service --cluster c --service s --force-new-deployment\n"));
  CHECK(positions(r, "RB263") == list({"4:5", "6:5"}));
  CHECK(positions(r, "RB264") == list({"7:48"}));
}

TEST_CASE("RB265 aws-secret-change and RB266 aws-iam-change") {
  auto r = lint(bash("aws secretsmanager update-secret --secret-id s --secret-string x\n"
                     "aws secretsmanager get-secret-value --secret-id s\n"
                     "aws ssm put-parameter --name p --value v --overwrite\n"
                     "aws ssm put-parameter --name p --value v\n"
                     "aws iam attach-role-policy --role-name r --policy-arn a\n"
                     "aws iam list-attached-role-policies --role-name r\n"));
  CHECK(positions(r, "RB265") == list({"4:5", "6:5"}));
  CHECK(positions(r, "RB266") == list({"8:5"}));
}

TEST_CASE("RB267 gcloud-delete, RB268 gcs-recursive-delete, RB269 az-delete") {
  auto r = lint(bash("gcloud sql instances delete db-1\n"
                     "gcloud --project p compute instances delete vm-1 --zone z\n"
                     "gcloud compute instances list\n"
                     "gsutil -m rm -r gs://b/dir\n"
                     "gsutil rm gs://b/one\n"
                     "gcloud storage rm --recursive gs://b/dir\n"
                     "az vm delete -g rg -n vm1 --yes\n"
                     "az vm show -g rg -n vm1\n"));
  CHECK(positions(r, "RB267") == list({"4:8", "5:20"}));
  CHECK(positions(r, "RB268") == list({"7:11", "9:16"}));
  CHECK(positions(r, "RB269") == list({"10:4"}));
}

TEST_CASE("RB270-RB272 terraform and pulumi") {
  auto r = lint(bash("terraform destroy\n"
                     "terraform apply -destroy\n"
                     "terraform plan -destroy\n"
                     "pulumi destroy --yes\n"
                     "terraform apply -auto-approve\n"
                     "terraform apply tfplan\n"
                     "terraform state rm module.db\n"
                     "terraform state list\n"));
  CHECK(positions(r, "RB270") == list({"4:11", "5:17", "7:8"}));
  CHECK(positions(r, "RB271") == list({"8:17"}));
  CHECK(positions(r, "RB272") == list({"10:11"}));
}
