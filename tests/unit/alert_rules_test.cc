// compiler/syntax/alert_rules.h: Prometheus rule files and PrometheusRule objects.
#include <doctest/doctest.h>

#include "compiler/syntax/alert_rules.h"
#include "test_support.h"

using namespace rbc;

namespace {

std::vector<std::string> alerts_at(const AlertRuleFile& f) {
  std::vector<std::string> out;
  for (const AlertRule& a : f.alerts) {
    auto url = a.annotations.find("runbook_url");
    out.push_back(a.name + "@" + std::to_string(a.line) + ":" + std::to_string(a.column) +
                  (url == a.annotations.end()
                       ? std::string()
                       : " " + url->second.value + "@" + std::to_string(url->second.line) + ":" +
                             std::to_string(url->second.column)));
  }
  return out;
}

}  // namespace

TEST_CASE("rule files: a plain groups file, recording rules skipped") {
  AlertRuleFile f = read_alert_rules(
      "groups:\n"
      "  - name: node\n"
      "    rules:\n"
      "      - record: instance:up:sum\n"
      "        expr: sum(up)\n"
      "      - alert: NodeDown\n"
      "        expr: up == 0\n"
      "        annotations:\n"
      "          runbook_url: \"https://r.example/node/nodedown\"\n"
      "      - expr: up == 1\n"
      "        alert: NodeUp\n");
  CHECK(f.error.empty());
  CHECK(f.recording_rules == 1);
  CHECK(alerts_at(f) == test::Positions{"NodeDown@6:9 https://r.example/node/nodedown@9:24", "NodeUp@11:9"});
  CHECK(f.alerts[0].group == "node");
}

TEST_CASE("rule files: Kubernetes PrometheusRule objects, several documents to a file") {
  AlertRuleFile f = read_alert_rules(
      "apiVersion: monitoring.coreos.com/v1\n"
      "kind: PrometheusRule\n"
      "spec:\n"
      "  groups:\n"
      "  - name: a\n"
      "    rules:\n"
      "    - alert: KubeAPIDown\n"
      "---\n"
      "# second object\n"
      "kind: PrometheusRule\n"
      "spec:\n"
      "  groups:\n"
      "  - name: b\n"
      "    rules:\n"
      "    - alert: etcdMembersDown\n"
      "      annotations: {runbook_url: 'https://r.example/etcd'}\n");
  CHECK(f.error.empty());
  CHECK(alerts_at(f) == test::Positions{"KubeAPIDown@7:7", "etcdMembersDown@15:7 https://r.example/etcd@16:34"});
}

TEST_CASE("rule files: not YAML, or no groups, is an error with its line") {
  AlertRuleFile bad = read_alert_rules("groups:\n  - name: a\n    rules: [\n---\nkind: x\n");
  CHECK(bad.error.starts_with("not valid YAML"));
  CHECK(bad.error_line == 4);
  AlertRuleFile none = read_alert_rules("apiVersion: v1\nkind: ConfigMap\n");
  CHECK(none.error.starts_with("no rule groups"));
  CHECK(none.error_line == 1);
  CHECK(read_alert_rules("groups: []\n").error.empty());
}
