// Steps that run until Ctrl-C, or need the terminal, judged from the
// programs' documented options: what --list marks and the runtime announces.
#include <doctest/doctest.h>

#include "compiler/emit/script/plan.h"
#include "test_support.h"

namespace {

rbc::PlannedStep planned(const std::string& command) {
  rbc::FileResult r = rbc::test::lint("# T\n\n```bash\n" + command + "\n```\n");
  std::vector<rbc::PlannedStep> steps = rbc::plan_steps(r.runbook, r.diagnostics, -1);
  REQUIRE(steps.size() == 1);
  return steps[0];
}

std::string until(const std::string& command) { return planned(command).until_interrupted; }

}  // namespace

TEST_CASE("long-running: followed logs, watches and forwards run until Ctrl-C") {
  CHECK(until("tail -f /var/log/syslog") == "`tail -f` follows the file");
  CHECK(until("tail -n 100 -F app.log") == "`tail -f` follows the file");
  CHECK(until("kubectl logs -n prod deploy/api --follow") == "`kubectl logs -f` follows the log");
  CHECK(until("kubectl -n prod logs -f api-1") == "`kubectl logs -f` follows the log");
  CHECK(until("oc get pods -w") == "`oc get --watch` watches for changes");
  CHECK(until("kubectl port-forward svc/db 5432:5432") == "`kubectl port-forward` forwards the port until stopped");
  CHECK(until("journalctl -u nginx -f") == "`journalctl -f` follows the journal");
  CHECK(until("watch -n 5 kubectl get nodes") == "`watch` repeats the command until stopped");
  CHECK(until("ping db.internal") == "`ping` without -c pings until stopped");
  CHECK(until("vmstat 1") == "`vmstat` with an interval and no count reports until stopped");
  CHECK(until("docker stats") == "`docker stats` streams until stopped");
  CHECK(until("redis-cli -h cache monitor") == "`redis-cli MONITOR` streams until stopped");
}

TEST_CASE("long-running: commands that end by themselves are not announced") {
  for (const char* command : {"tail -n 100 app.log", "kubectl logs deploy/api --tail=50", "kubectl get pods",
                              "journalctl -u nginx --since today", "ping -c 3 db.internal", "ping -c3 db.internal",
                              "vmstat 1 5", "docker stats --no-stream", "top -b -n 1", "kubectl rollout status deploy/api",
                              "redis-cli -h cache INFO"})
    CHECK_MESSAGE(until(command).empty(), command);
}

TEST_CASE("long-running: full-screen and interactive commands keep the terminal") {
  CHECK(planned("top").needs_terminal);
  CHECK(planned("kubectl exec -it api-1 -- bash").needs_terminal);
  CHECK(planned("docker exec -ti web sh").needs_terminal);
  CHECK(planned("psql \"$DATABASE_URL\"").needs_terminal);
  CHECK(planned("redis-cli -h cache -p 6380").needs_terminal);
  CHECK_FALSE(planned("redis-cli -h cache -p 6380 INFO memory").needs_terminal);
  CHECK_FALSE(planned("psql \"$DATABASE_URL\" -c 'select 1'").needs_terminal);
  CHECK_FALSE(planned("top -b -n 1").needs_terminal);
  CHECK_FALSE(planned("kubectl exec api-1 -- ls /tmp").needs_terminal);
  CHECK_FALSE(planned("tail -f app.log").needs_terminal);  // runs until Ctrl-C, but its output is a stream
}
