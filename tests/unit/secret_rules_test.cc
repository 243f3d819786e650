// Secret rules (RB301-RB307): each pinned at line:column, with look-alikes that must not fire.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB301 secret-printed: echo of a secret variable, not a test or a pipe") {
  auto r = test::lint(bash("echo $JWT_SECRET\n"
                           "test -n \"${JWT_SECRET:-}\"\n"
                           "echo \"key: ${API_KEY}\"\n"
                           "echo $TOKEN | docker login --password-stdin\n"
                           "echo ${#DB_PASSWORD}\n"
                           "echo $HOME\n"
                           "cat <<< \"$GITHUB_TOKEN\"\n"
                           "echo $JWT_SECRET > /tmp/key\n"));
  CHECK(positions(r, "RB301") == list({"4:6", "6:12", "10:10"}));
}

TEST_CASE("RB302 environment-dump: bare env/printenv, grep for a secret") {
  auto r = test::lint(bash("env\n"
                           "printenv HOME\n"
                           "env | grep -i proxy\n"
                           "env | grep DATABASE_URL\n"
                           "env FOO=1 ./run.sh\n"
                           "kubectl exec deploy/api -- printenv\n"
                           "env | cut -d= -f1\n"));
  CHECK(positions(r, "RB302") == list({"4:1", "7:1", "9:28"}));
}

TEST_CASE("RB303 credentials-in-url: hosts without a dot, stand-ins skipped") {
  auto r = test::lint(bash("export DATABASE_URL=\"postgresql://user:pass@replica-db:5432/akig_db\"\n"
                           "curl https://u:p4ss@host/x\n"
                           "psql postgresql://app:$DB_PASSWORD@db/app\n"
                           "psql postgresql://app:${DB_PASSWORD}@db/app\n"
                           "psql postgresql://app:<password>@db/app\n"
                           "psql postgresql://app:***@db/app\n"
                           "psql postgresql://app:password@db/app\n"
                           "git clone https://github.com/org/repo\n") +
                      "\nIn prose too: redis://:s3cretR3dis@cache:6379/0\n");
  CHECK(positions(r, "RB303") == list({"4:40", "5:16", "14:24"}));
}

TEST_CASE("RB304 hardcoded-secret: literal assignments and yaml keys") {
  auto r = test::lint(bash("export API_TOKEN=abc123def456\n"
                           "export API_TOKEN=\"$(vault read -field=token x)\"\n"
                           "export TOKEN_FILE=/etc/token2\n") +
                      "\n```yaml\npassword: hunter2\nsecretName: db-creds-2\npassword: ${DB_PASSWORD}\n"
                      "token: prometheus-k8s-token-nwtrf\n```\n");
  CHECK(positions(r, "RB304") == list({"4:18", "10:11"}));
}

TEST_CASE("RB304: templates, base64 of stand-ins and printed output are not secrets; base64 of a real one is") {
  // cGFzc3dvcmQ= is "password", ZGFudGU= "dante", aHZzLioqKioqKio= "hvs.*******";
  // UzNjcjN0LVQwazNuLTk5 is "S3cr3t-T0k3n-99".
  auto r = test::lint("# T\n\n```yaml\ndata:\n  password: cGFzc3dvcmQ=\n  password: ZGFudGU=\n"
                      "  token: aHZzLioqKioqKio=\n  token: UzNjcjN0LVQwazNuLTk5\n"
                      "  password: SCRAM-SHA-256$<iteration count>:<salt>$<StoredKey>\n```\n");
  CHECK(positions(r, "RB304") == list({"8:10"}));
  auto output = test::lint("# T\n\n```bash\nradosgw-admin user info --uid=backup\n```\n\nIt prints:\n\n"
                           "```json\n{\n  \"secret_key\": \"Jx8kQ2mZp4Lw9Rt7Vb3N\"\n}\n```\n");
  CHECK(positions(output, "RB304") == none);
  auto config = test::lint("# T\n\nSet it in the client's configuration:\n\n"
                           "```json\n{\n  \"secret_key\": \"Jx8kQ2mZp4Lw9Rt7Vb3N\"\n}\n```\n");
  CHECK(positions(config, "RB304") == list({"7:17"}));
}

TEST_CASE("RB305 token-literal: known formats in code and prose, documented examples skipped") {
  auto r = test::lint("# T\n\nKey AKIAZ7QW3RT5YUI8OP2X and AKIAIOSFODNN7EXAMPLE.\n\n```bash\n"
                      "export GH=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\n"
                      "SLACK=xoxb-1234567890-abcdefghijklmnop\n```\n\n"
                      "```text\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7k2Jx9mQ0zL4\n-----END RSA PRIVATE KEY-----\n"
                      "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```\n");
  CHECK(positions(r, "RB305") == list({"3:5", "6:11", "7:7", "11:1"}));
}

TEST_CASE("RB306 secret-on-command-line: flags, -p, curl -u, redis -a, PGPASSWORD=") {
  auto r = test::lint(bash("PGPASSWORD=s3cr3t psql -h db\n"
                           "PGPASSWORD=\"$(cat ~/.pw)\" psql -h db\n"
                           "mysql -u root -pS3cret! app\n"
                           "mysql -u root -p app\n"
                           "curl -u admin:Adm1n-pw https://x\n"
                           "curl -u \"$USER:$PASS\" https://x\n"
                           "redis-cli -a r3dis-Pw PING\n"
                           "redis-cli -a \"$REDIS_PASSWORD\" PING\n"
                           "tool --password=Hunter2x --token $T\n"
                           "aws secretsmanager update-secret --secret-string \"REVOKED\"\n"));
  CHECK(positions(r, "RB306") == list({"4:1", "6:17", "8:9", "10:14", "12:17"}));
}

TEST_CASE("RB307 kubernetes-secret-decoded: printed, not captured or hashed") {
  auto r = test::lint(bash("kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n"
                           "PASS=$(kubectl get secret db -o jsonpath='{.data.password}' | base64 --decode)\n"
                           "kubectl get secret db -o json | jq '.data.url | @base64d'\n"
                           "kubectl get secret db -o jsonpath='{.data.password}' | base64 -d | sha256sum\n"));
  CHECK(positions(r, "RB307") == list({"4:56", "6:33"}));
}
