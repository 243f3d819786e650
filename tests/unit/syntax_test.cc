// Syntax checks of embedded bash and SQL: real errors at exact positions,
// and the real-world shapes that must not be reported.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "compiler/languages/bash_confirm.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

TEST_CASE("bash: an unclosed quote is reported at the quote that opens it") {
  auto r = test::lint("# T\n\n```bash\necho \"unclosed\nls\n```\n");
  CHECK(positions(r, "RB001") == list({"4:6"}));
}

TEST_CASE("bash: an empty pipeline stage is reported at its line") {
  auto r = test::lint("# T\n\n```sh\nfor x in a b; do\n  echo \"$x\"\ndone\nls | | wc\n```\n");
  REQUIRE(positions(r, "RB001") == list({"7:4"}));
  CHECK(test::with_code(r, "RB001")[0].severity == Severity::error);
  CHECK(test::with_code(r, "RB001")[0].end.column == 5);
}

TEST_CASE("bash: placeholders are values, not redirections") {
  auto r = test::lint(
      "# T\n\n```bash\naws ecs update-service --task-definition <previous-version>\n"
      "gh run rerun <run-id>\nkubectl -n {{namespace}} logs <pod name>\ncurl [deployment-url]/health\n```\n");
  CHECK(positions(r, "RB001").empty());
  const Step& s = r.runbook.steps[0];
  REQUIRE(s.facts.placeholders.size() == 4);
  CHECK(s.facts.placeholders[0].name == "previous-version");
  CHECK(s.facts.placeholders[0].written == "<previous-version>");
  CHECK(s.facts.placeholders[2].name == "namespace");
  CHECK(s.facts.placeholders[3].name == "pod-name");
  CHECK(r.runbook.source->position(s.facts.placeholders[1].span.begin).line == 5);
  CHECK(r.runbook.source->position(s.facts.placeholders[1].span.begin).column == 14);
}

TEST_CASE("bash: heredocs and redirections that tree-sitter misreads are confirmed by bash -n") {
  auto r = test::lint("# T\n\n```bash\ncat <<'EOF' > /tmp/x\n$(not run)\nEOF\necho done 2>&1 >/dev/null\n```\n");
  CHECK(positions(r, "RB001").empty());
}

TEST_CASE("console transcripts: only prompted lines are commands") {
  auto r = test::lint(
      "# T\n\n```console\n$ kubectl get pods -n prod\nNAME    READY   STATUS (ok)\napi-1   1/1     Running\n"
      "$ echo \\\n>   continued\ncontinued\n```\n");
  CHECK(positions(r, "RB001").empty());
  REQUIRE(r.runbook.steps[0].facts.commands.size() == 2);
  CHECK(r.runbook.steps[0].facts.commands[0].argv[0].text == "kubectl");
  CHECK(r.runbook.steps[0].facts.commands[1].argv[1].text == "continued");
}

TEST_CASE("a bash-tagged block with $ prompts is read as a transcript") {
  auto r = test::lint("# T\n\n```bash\n$ redis-cli ping\nPONG (ok\n```\n");
  CHECK(positions(r, "RB001").empty());
}

TEST_CASE("mis-tagged blocks are reported once, at the fence") {
  auto r = test::lint(
      "# T\n\n```bash\n{\"status\": \"ok\", \"items\": [1, 2]}\n```\n\n"
      "```sh\nsum by (job) (rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m]))\n```\n\n"
      "```bash\nkubectl get events\nWarning  FailedMount  2m  kubelet  MountVolume.SetUp failed (timeout)\n```\n");
  CHECK(positions(r, "RB001").empty());
  CHECK(positions(r, "RB401") == list({"3:1", "7:1", "11:1"}));
  CHECK(r.runbook.steps[0].facts.mistagged_as == "json");
  CHECK(r.runbook.steps[1].facts.mistagged_as == "promql");
  CHECK(r.runbook.steps[2].facts.mistagged_as == "output");
}

TEST_CASE("untagged blocks guessed as shell are not syntax-checked") {
  auto r = test::lint("# T\n\n```\nkubectl get pods (all of them\n```\n");
  CHECK(positions(r, "RB001").empty());
}

TEST_CASE("sql: a PostgreSQL error is mapped to its file line and column") {
  auto r = test::lint("# T\n\n```sql\nSELECT pid\nFROM pg_stat_activity\nWHERE state = 'active' AND AND true;\n```\n");
  CHECK(positions(r, "RB002") == list({"6:28"}));
}

TEST_CASE("sql: valid PostgreSQL, placeholders, psql meta-commands and transcripts pass") {
  auto r = test::lint(
      "# T\n\n```sql\n\\x on\nANALYZE subscribers;\nCREATE INDEX CONCURRENTLY idx_a ON orders (created_at);\n"
      "SELECT now() - interval '5 minutes', pg_terminate_backend(<pid>);\n"
      "SELECT count(*) FROM jobs WHERE queue = :'queue' \\gset\nSELECT a, ..., z FROM t;\n```\n\n"
      "```psql\napp=# SELECT 1 AS one;\n one\n-----\n   1\n(1 row)\n```\n");
  CHECK(positions(r, "RB002").empty());
  CHECK(r.runbook.steps[0].facts.statements.size() == 5);
  CHECK(r.runbook.steps[0].facts.statements[1].kind == "IndexStmt");
  CHECK(r.runbook.steps[0].facts.statements[1].concurrently);
}

TEST_CASE("sql embedded in shell: psql -c, sudo, kubectl exec, heredoc") {
  std::string md =
      "# T\n\n```bash\n"
      "psql \"$DATABASE_URL\" -c \"UPDATE users SET flag = true WHER id = 1\"\n"
      "sudo -u postgres psql -Atc 'SELECT 1 FROM'\n"
      "kubectl exec -it db-0 -- psql -c \"SELECT \\\"name\\\" FROM t WHERE x = '$X' AND\"\n"
      "psql <<SQL\nSELECT 1;\nSELEC 2;\nSQL\n"
      "```\n";
  auto r = test::lint(md);
  // Columns point inside the quoted strings, escapes and quoting accounted for.
  CHECK(positions(r, "RB002") == list({"4:55", "5:42", "6:76", "9:1"}));
  CHECK(positions(r, "RB001").empty());
}

TEST_CASE("sql embedded in shell: statement facts come back with file spans") {
  auto r = test::lint("# T\n\n```bash\npsql -c \"UPDATE users SET password_reset_required = true\"\n```\n");
  const auto& st = r.runbook.steps[0].facts.statements;
  REQUIRE(st.size() == 1);
  CHECK(st[0].kind == "UpdateStmt");
  CHECK_FALSE(st[0].has_where);
  CHECK(st[0].relations == list({"users"}));
  CHECK(r.runbook.source->position(st[0].span.begin).column == 10);
}

TEST_CASE("MySQL is never judged by the PostgreSQL grammar") {
  auto r = test::lint(
      "# T\n\n```sql\nSHOW FULL PROCESSLIST;\nSELECT `id` FROM `orders` LIMIT 10, 20;\n```\n\n"
      "```mysql\nSELECT id FROM orders WHERE;\n```\n\n"
      "```bash\nmysql -e 'SHOW GRANTS FOR app'\n```\n");
  CHECK(positions(r, "RB002").empty());
  CHECK(positions(r, "RB003") == list({"9:23"}));
}

TEST_CASE("sql fragments (an expression shown alone) are not statements to reject") {
  auto r = test::lint("# T\n\n```sql\nSUM(CASE WHEN status = 200 THEN 1 ELSE 0 END)\n```\n");
  CHECK(positions(r, "RB002").empty());
}

TEST_CASE("command model: wrappers unwrapped, argv decoded, variables read") {
  auto r = test::lint(
      "# T\n\n```bash\nexport NS=prod\nsudo -u root env FOO=1 kubectl delete pod \"api-$ID\" -n $NS\n"
      "ssh bastion 'redis-cli -h cache FLUSHALL'\nbash -c \"rm -rf /tmp/x\"\n```\n");
  const auto& cmds = r.runbook.steps[0].facts.commands;
  REQUIRE(cmds.size() == 3);  // `export` is a declaration, not a command
  CHECK(cmds[0].argv[0].text == "kubectl");
  CHECK(cmds[0].wrappers == list({"sudo", "env"}));
  CHECK(cmds[0].argv[3].text == "api-$ID");
  CHECK_FALSE(cmds[0].argv[3].literal);
  CHECK(cmds[1].argv[0].text == "redis-cli");
  CHECK(cmds[1].wrappers == list({"ssh"}));
  CHECK(r.runbook.source->position(cmds[1].argv[3].span.begin).column == 33);
  CHECK(cmds[2].argv[0].text == "rm");
  CHECK(cmds[2].argv[1].text == "-rf");
  CHECK(cmds[2].wrappers == list({"bash -c"}));
  CHECK(r.runbook.steps[0].facts.env_vars == list({"ID"}));
  REQUIRE(r.runbook.steps[0].facts.redis.size() == 1);
  CHECK(r.runbook.steps[0].facts.redis[0].name == "FLUSHALL");
}

TEST_CASE("console transcripts: root '# ' prompts, user@host prompts, [user@host dir]# prompts") {
  auto r = test::lint(
      "# T\n\n```console\n# Don't restart blindly: check first\n# systemctl status nginx\n● nginx.service - web server (running)\n```\n\n"
      "```console\n# systemctl restart nginx\n```\n\n"
      "```console\ndeploy@bastion:~$ kubectl get ns\nNAME  STATUS (Active)\n[root@db01 ~]# df -h /var\n```\n");
  CHECK(test::positions(r, "RB001").empty());
  REQUIRE(r.runbook.steps[0].facts.commands.size() == 1);
  CHECK(r.runbook.steps[0].facts.commands[0].argv[1].text == "status");
  REQUIRE(r.runbook.steps[1].facts.commands.size() == 1);
  CHECK(r.runbook.steps[1].facts.commands[0].argv[0].text == "systemctl");
  const auto& third = r.runbook.steps[2].facts.commands;
  REQUIRE(third.size() == 2);
  CHECK(third[0].argv[0].text == "kubectl");
  CHECK(r.runbook.source->position(third[0].span.begin).column == 19);
  CHECK(third[1].argv[0].text == "df");
}

TEST_CASE("a console block without any prompt: commands when it starts with one, else output") {
  auto r = test::lint(
      "# T\n\n```console\noc scale deployment/api --replicas=0 -n prod\n```\n\n"
      "```console\nNAME   READY (all of them\n```\n");
  REQUIRE(r.runbook.steps[0].facts.commands.size() == 1);
  CHECK(r.runbook.steps[0].facts.commands[0].argv[1].text == "scale");
  CHECK(r.runbook.steps[1].facts.commands.empty());
  CHECK(test::positions(r, "RB001").empty());
}

TEST_CASE("a console block of commands without prompts: '# ...' lines are comments, a NAME=value first line is shell") {
  auto r = test::lint(
      "# T\n\n```console\n# ceph-volume can leave directories behind (clutter)\nceph osd tree\n```\n\n"
      "```console\nDISK=\"/dev/sdX\"\n# zap it (all of it)\nsgdisk --zap-all $DISK\n```\n\n"
      "```console\n[cluster-2]$ kubectl get ns\n```\n");
  CHECK(test::positions(r, "RB001").empty());
  REQUIRE(r.runbook.steps[0].facts.commands.size() == 1);
  CHECK(r.runbook.steps[0].facts.commands[0].argv[0].text == "ceph");
  REQUIRE(r.runbook.steps[1].facts.commands.size() == 1);
  CHECK(r.runbook.steps[1].facts.commands[0].argv[0].text == "sgdisk");
  CHECK(test::positions(r, "RB295") == test::list({"11:1"}));
  REQUIRE(r.runbook.steps[2].facts.commands.size() == 1);
  CHECK(r.runbook.source->position(r.runbook.steps[2].facts.commands[0].span.begin).column == 14);
}

TEST_CASE("a shell block announced as output (\"Output:\") that does not parse is a mis-tag, not broken shell") {
  auto r = test::lint("# T\n\n```shell\nkubectl cnpg status db\n```\n\nOutput:\n\n"
                      "```shell\nCluster in healthy state\nCurrent LSN:  0/5000000 (Timeline: 1 - WAL)\n```\n");
  CHECK(test::positions(r, "RB001").empty());
  CHECK(test::positions(r, "RB401") == test::list({"9:1"}));
  CHECK(r.runbook.steps[1].lead_in == "Output:");
  auto prose = test::lint("# T\n\nThe status says:\n\n```shell\nCluster in healthy state\nCurrent LSN: (Timeline: 1\n```\n");
  CHECK(test::positions(prose, "RB001") == test::list({"7:14"}));  // the unclosed (
}

TEST_CASE("bash_check_many finds the scripts bash rejects among many") {
  std::vector<std::string> scripts = {"echo one", "if true; then echo", "ls | wc -l", "echo 'open", "true"};
  CHECK(bash_check_many(scripts) == std::vector<bool>{true, false, true, false, true});
  CHECK(bash_check_many({}).empty());
}

TEST_CASE("bash -n runs in an empty C-locale environment: English messages, no BASH_ENV") {
  std::string marker = "/tmp/runbookc-bash-env-test-" + std::to_string(getpid());
  std::string startup = marker + ".sh";
  FILE* f = std::fopen(startup.c_str(), "w");
  REQUIRE(f);
  std::fprintf(f, "touch %s\n", marker.c_str());
  std::fclose(f);
  setenv("BASH_ENV", startup.c_str(), 1);
  setenv("LC_ALL", "fr_FR.UTF-8", 1);
  BashVerdict verdict = bash_check_syntax("echo ok\necho \"unclosed\n");
  unsetenv("BASH_ENV");
  unsetenv("LC_ALL");
  CHECK(verdict.rejected());
  CHECK(verdict.line == 2);
  CHECK(verdict.message.find("unexpected EOF") != std::string::npos);
  CHECK_FALSE(std::ifstream(marker).good());  // the startup file was not run
  std::remove(startup.c_str());
  std::remove(marker.c_str());
}
