// The command-effect model (compiler/languages/command_effects.h): every entry of the
// table is linted from its own documented example, and a labelled set of
// commands written from the tools' documentation pins each finding's rule,
// line and column, or its absence: wrappers looked through, aliases,
// dry runs and help, piped secrets, data paths.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "compiler/languages/command_effects.h"
#include "test_support.h"

using namespace rbc;
using namespace rbc::test;

namespace {

const char* rule_for(Effect effect) {
  switch (effect) {
    case Effect::destroys_data: return "RB295";
    case Effect::irreversible: return "RB296";
    case Effect::disrupts: return "RB297";
    case Effect::changes_access: return "RB298";
    case Effect::prints_secret: return "RB308";
    case Effect::read_only: break;
  }
  return "";
}

const std::vector<std::string> kEffectRules = {"RB295", "RB296", "RB297", "RB298", "RB299", "RB308"};

/// "CODE line:column" of every finding of the effect rules.
std::vector<std::string> effect_findings(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics)
    if (std::find(kEffectRules.begin(), kEffectRules.end(), d.code) != kEffectRules.end())
      out.push_back(d.code + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  return out;
}

std::vector<std::string> effects_in(const std::string& lang, const std::string& command) {
  return effect_findings(test::lint("# T\n\n```" + lang + "\n" + command + "\n```\n"));
}

bool any_on_line_4(const FileResult& r, std::string_view codes) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.start.line == 4 && codes.find(d.code) != std::string_view::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("every entry of the effect table, linted from its documented example") {
  size_t checked = 0;
  for (const EffectEntry& e : effect_table()) {
    CAPTURE(e.example);
    FileResult r = test::lint("# T\n\n```bash\n" + std::string(e.example) + "\n```\n");
    if (e.effect == Effect::read_only) {
      CHECK(effect_findings(r).empty());
    } else if (!e.rule.empty()) {
      CHECK(any_on_line_4(r, e.rule));  // the older rule reports it
      CHECK(effect_findings(r).empty());
    } else {
      CHECK(effect_findings(r) == test::list({std::string(rule_for(e.effect)) + " 4:1"}));
    }
    ++checked;
  }
  for (const RedisEffectEntry& e : redis_effect_table()) {
    CAPTURE(e.example);
    FileResult r = test::lint("# T\n\n```redis\n" + std::string(e.example) + "\n```\n");
    if (!e.rule.empty()) {
      CHECK(any_on_line_4(r, e.rule));
      CHECK(effect_findings(r).empty());
    } else {
      CHECK(effect_findings(r) == test::list({std::string(rule_for(e.effect)) + " 4:1"}));
    }
    ++checked;
  }
  CHECK(checked == effect_table().size() + redis_effect_table().size());
  CHECK(effect_table().size() >= 100);
}

TEST_CASE("the effect of the inner command is seen through wrappers and aliases") {
  CHECK(effects_in("bash", "sudo -u postgres pg_ctl stop -D /var/lib/postgresql/15/main") == test::list({"RB297 4:18"}));
  CHECK(effects_in("bash", "ssh db-1 'sudo systemctl restart postgresql'") == test::list({"RB297 4:16"}));
  CHECK(effects_in("bash", "kubectl exec -n vault vault-0 -- vault operator seal") == test::list({"RB297 4:34"}));
  CHECK(effects_in("bash", "bash -c \"etcdctl del --prefix /registry/events\"") == test::list({"RB295 4:10"}));
  CHECK(effects_in("bash", "timeout 60 consul kv delete -recurse app/") == test::list({"RB295 4:12"}));
  CHECK(effects_in("bash", "k cordon node-1") == test::list({"RB297 4:1"}));
  CHECK(effects_in("bash", "tf force-unlock 1a2b3c4d") == test::list({"RB296 4:1"}));
  CHECK(effects_in("bash", "vacuumdb -h db-1 -U postgres --full -d orders") == test::list({"RB297 4:1"}));  // -h: host
  CHECK(effects_in("console", "$ sudo ceph osd out osd.3") == test::list({"RB297 4:8"}));
  CHECK(effects_in("bash", "redis-cli -p 26379 SENTINEL failover mymaster") == test::list({"RB297 4:20"}));
  CHECK(effects_in("bash", "oc debug node/worker-1 -- chroot /host systemctl restart kubelet") ==
        test::list({"RB297 4:40"}));
  CHECK(effects_in("bash", "ansible web -m shell -a 'systemctl stop nginx'") == test::list({"RB297 4:26"}));
  CHECK(effects_in("bash", "salt 'db*' cmd.run 'systemctl restart postgresql'") == test::list({"RB297 4:21"}));
  CHECK(effects_in("bash", "pdsh -w node1,node2 systemctl restart chronyd") == test::list({"RB297 4:21"}));
}

TEST_CASE("the finding covers the program and its subcommand and says what it does and where that is documented") {
  FileResult r = test::lint("# T\n\n```bash\nrbd snap rollback replicapool/pvc-1@before\n```\n");
  auto found = test::with_code(r, "RB295");
  REQUIRE(found.size() == 1);
  CHECK(found[0].start.column == 1);
  CHECK(found[0].end.column == 18);
  CHECK(found[0].message ==
        "`rbd snap rollback` rolls the image back to the snapshot: later writes are lost (destroys-data: rbd(8))");
  CHECK(found[0].severity == Severity::warning);
}

TEST_CASE("no finding: help, dry runs, read-only subcommands, piped secrets, flags that make it safe") {
  CHECK(effects_in("bash", "vault kv destroy --help").empty());
  CHECK(effects_in("bash", "kubectl cordon node-1 --dry-run=client").empty());
  CHECK(effects_in("bash", "vault kv get -field=password secret/app | docker login --password-stdin -u ci r.example.com")
            .empty());
  CHECK(effects_in("bash", "reindexdb --concurrently -d orders").empty());
  CHECK(effects_in("bash", "pg_ctl status -D /var/lib/postgresql/15/main").empty());
  CHECK(effects_in("bash", "patronictl -c /etc/patroni.yml list").empty());
  CHECK(effects_in("bash", "echo 'run terraform destroy only after review'").empty());
  CHECK(effects_in("bash", "ceph osd tree").empty());
  CHECK(effects_in("bash", "docker rm old-container").empty());
  CHECK(effects_in("bash", "npm publish --dry-run").empty());
  CHECK(effects_in("bash", "kubectl taint nodes node-1 dedicated=db:NoSchedule").empty());   // evicts nothing
  CHECK(effects_in("bash", "kubectl taint nodes node-1 dedicated=db:NoExecute-").empty());  // removes the taint
}

TEST_CASE("a secret piped into a filter that prints it is still shown") {
  CHECK(effects_in("bash", "vault kv get -format=json secret/app | jq -r .data.data.password") ==
        test::list({"RB308 4:1"}));
  CHECK(effects_in("bash", "aws secretsmanager get-secret-value --secret-id prod/db | jq -r .SecretString") ==
        test::list({"RB308 4:1"}));
}

TEST_CASE("rm -r of a directory that holds data, not of caches, temporary or relative paths") {
  CHECK(effects_in("bash", "rm -rf /var/lib/postgresql/15/main") == test::list({"RB295 4:1"}));
  CHECK(effects_in("bash", "sudo rm -r /data/kafka/logs-old") == test::list({"RB295 4:6"}));
  CHECK(effects_in("bash", "rm -rf /var/opt/gitlab/backups/old") == test::list({"RB295 4:1"}));
  CHECK(effects_in("bash", "rm -rf /srv/app/uploads") == test::list({"RB295 4:1"}));
  CHECK(effects_in("bash", "rm -rf /var/lib/myapp/cache").empty());
  CHECK(effects_in("bash", "rm -rf /tmp/restore").empty());
  CHECK(effects_in("bash", "rm -rf ./build").empty());
  CHECK(effects_in("bash", "rm /var/lib/postgresql/15/main/postmaster.pid").empty());  // not recursive
  CHECK(is_data_path("/var/lib/etcd/member"));
  CHECK_FALSE(is_data_path("/var/lib/app/cache/etcd"));
  CHECK_FALSE(is_data_path("relative/postgresql"));
  CHECK_FALSE(is_data_path("/usr/local/bin/etcd"));
  CHECK_FALSE(is_data_path("/etc/prometheus/rules"));
}

TEST_CASE("an unknown program with a destructive verb gets a note; a known one, the table's verdict") {
  FileResult r = test::lint("# T\n\n```bash\nnomad-tool job purge api\n```\n");
  CHECK(effect_findings(r) == test::list({"RB299 4:1"}));
  CHECK(test::with_code(r, "RB299").at(0).severity == Severity::note);
  CHECK(effects_in("bash", "mytool list --filter delete").empty());  // an option's value, not a verb
  CHECK(effects_in("bash", "mytool list a b delete").empty());       // past the first three operands
}

TEST_CASE("inline code: a complete command in prose is checked and says so; a named command or a warning is not") {
  FileResult r = test::lint(
      "# T\n\n"
      "1. Stop the daemons with `kubectl -n rook-ceph delete deploy/rook-ceph-osd-3` first.\n"
      "2. Then mark it out: `sudo ceph osd out osd.3`.\n\n"
      "The `kubectl drain` command cordons the node; images are removed with `rbd rm`.\n\n"
      "Never run `redis-cli FLUSHALL` on the primary, and do not use `ceph osd purge 3` here.\n\n"
      "Use `ls -la /var/lib` and `kubectl get pods -A` to look around.\n");
  CHECK(test::positions(r, "RB276") == test::list({"3:48"}));  // at `delete`, as in blocks
  CHECK(test::with_code(r, "RB276").at(0).message.ends_with(" (in inline code)"));
  CHECK(test::positions(r, "RB297") == test::list({"4:28"}));
  CHECK(test::positions(r, "RB277").empty());  // named, not written out
  CHECK(test::positions(r, "RB295").empty());  // rbd rm without a target; the purge is warned against
  CHECK(test::positions(r, "RB250").empty());  // "Never run"
  CHECK(r.runbook.steps.empty());              // code spans are never steps of a script
}

TEST_CASE("runners without `--`, kubectl global options, bundle exec, plugin binaries, option values") {
  auto r = lint(bash("gds-cli aws prod-admin aws rds delete-db-instance --db-instance-identifier shop\n"
                     "gds aws tools-developer git push -d origin old-branch\n"
                     "kubectl -n apps exec -it deploy/web -- bundle exec rake cache:purge_all[7]\n"
                     "kubectl-cnpg promote shop-db shop-db-2\n"
                     "kubectl -n db patch cluster/x --type json --patch='[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]'\n"
                     "mytool run --verbose kubectl get pods\n"));
  CHECK(positions(r, "RB260") == list({"4:28"}));
  CHECK(positions(r, "RB295") == list({"5:25"}));
  CHECK(positions(r, "RB299") == list({"6:52"}));
  CHECK(positions(r, "RB297") == list({"7:1"}));
  CHECK(positions(r, "RB296") == list({"8:1"}));
  auto purge = rbc::test::with_code(r, "RB299");
  REQUIRE(purge.size() == 1);
  CHECK(purge[0].message.starts_with("`rake ... cache:purge_all`: a task whose name says it deletes"));
}

TEST_CASE("an untagged block is shell when its first line is a known command, even behind a runner") {
  auto r = lint("# Clean\n\n```\nckan dataset purge old-data\n```\n\n```\nRUN git clone https://example.com/x.git\n```\n"
                "\n```\nteam-run prod -- kubectl -n kube-system delete cm aws-auth\n```\n");
  CHECK(positions(r, "RB404") == list({"3:1", "11:1"}));
  CHECK(positions(r, "RB295") == list({"4:1"}));
  CHECK(positions(r, "RB276") == list({"12:41"}));
}

TEST_CASE("a console block without prompts that opens with a loop holds commands, not output") {
  auto r = lint(block("console",
                      "for d in $(kubectl get deploy -n shop -o name); do\n"
                      "  kubectl -n shop scale \"$d\" --replicas=0\n"
                      "done\n") +
                block("console", "for more details see the log below\nerror: connection refused\n"));
  CHECK(positions(r, "RB278") == list({"5:30"}));
  CHECK(positions(r, "RB001") == none);
}

TEST_CASE("dd to a device written as inline code in a list item is checked") {
  auto r = lint("# Wipe\n\n1. Wipe the disk:\n   * `dd if=/dev/zero of=/dev/sdc bs=1M`\n   * `dd if=app.img of=/tmp/copy.img`\n");
  CHECK(positions(r, "RB204") == list({"4:23"}));
  auto dd = with_code(r, "RB204");
  REQUIRE(dd.size() == 1);
  CHECK(dd[0].message.ends_with("(in inline code)"));
}
