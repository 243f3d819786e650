// linter/runbook_urls.h and linter/alerts_check.h: runbook URLs to source
// files, and the findings of `runbookc alerts check`.
#include <doctest/doctest.h>

#include <filesystem>

#include "linter/alerts_check.h"
#include "linter/runbook_urls.h"
#include "test_support.h"

using namespace rbc;

namespace {

AlertsConfig site(bool lower) {
  AlertsConfig a;
  a.url_base = "https://runbooks.example.com/runbooks/";
  a.url_source = (std::filesystem::current_path() / "content/runbooks").string();
  a.url_lower_case = lower;
  return a;
}

const std::vector<std::string> kPages = {"content/runbooks/node/NodeDiskFull.md", "content/runbooks/kube/_index.md",
                                         "content/runbooks/etcd/etcdNoLeader/index.md",
                                         "content/runbooks/ceph/CephOSDDown.html.md", "content/other/Elsewhere.md"};

std::string resolved(const RunbookUrlMap& map, std::string_view url) {
  UrlTarget t = map.resolve(url);
  switch (t.kind) {
    case UrlTarget::Kind::outside_base: return "outside";
    case UrlTarget::Kind::no_page: return "none:" + t.page_path;
    case UrlTarget::Kind::page: return kPages[static_cast<size_t>(t.runbook)] + (t.fragment.empty() ? "" : "#" + t.fragment);
  }
  return "";
}

}  // namespace

TEST_CASE("runbook URLs: case folding as Hugo does, and the page forms of static-site generators") {
  AlertsConfig lower = site(true);
  RunbookUrlMap map(lower, kPages);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/node/nodediskfull") == kPages[0]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/node/NodeDiskFull/") == kPages[0]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/node/nodediskfull.html#Mitigation") ==
        kPages[0] + "#Mitigation");
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/kube/") == kPages[1]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/etcd/etcdnoleader/index.html") == kPages[2]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/ceph/cephosddown?x=1") == kPages[3]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/node/node%44iskFull") == kPages[0]);
  CHECK(resolved(map, "https://runbooks.example.com/runbooks/node/nodediskfilling") == "none:node/nodediskfilling");
  CHECK(resolved(map, "https://runbooks.example.com/other/Elsewhere") == "outside");
  CHECK(resolved(map, "https://wiki.example.com/runbooks/node/nodediskfull") == "outside");

  AlertsConfig preserve = site(false);
  RunbookUrlMap exact(preserve, kPages);
  CHECK(resolved(exact, "https://runbooks.example.com/runbooks/node/NodeDiskFull") == kPages[0]);
  CHECK(resolved(exact, "https://runbooks.example.com/runbooks/node/nodediskfull") == "none:node/nodediskfull");
}

TEST_CASE("alerts check: each finding at its place in the rule file or the runbook") {
  Config config = Config::defaults();
  config.alerts = site(true);
  auto shared = std::make_shared<const Config>(config);
  std::vector<FileResult> runbooks;
  runbooks.push_back(lint_bytes("content/runbooks/node/NodeDiskFull.md", "# NodeDiskFull\n\n## Mitigation\n", shared));
  runbooks.push_back(lint_bytes("content/runbooks/node/NodeGone.md", "# NodeGone\n", shared));
  std::string rules =
      "groups:\n"
      "- name: node\n"
      "  rules:\n"
      "  - alert: NodeDiskFull\n"
      "    annotations:\n"
      "      runbook_url: https://runbooks.example.com/runbooks/node/nodediskfull#mitigation\n"
      "  - alert: NodeDiskFilling\n"
      "    annotations:\n"
      "      runbook_url: https://runbooks.example.com/runbooks/node/nodediskfilling\n"
      "  - alert: NodeDiskSlow\n"
      "    annotations:\n"
      "      runbook_url: https://runbooks.example.com/runbooks/node/nodediskfull#rollback\n"
      "  - alert: NodeNoUrl\n"
      "  - alert: NodeWiki\n"
      "    annotations: {runbook_url: 'https://wiki.example.com/NodeWiki'}\n";
  AlertsCheckCounts counts;
  LintRun run = check_alerts({{"rules.yaml", rules}, {"bad.yaml", "kind: ConfigMap\n"}}, runbooks, config, &counts);
  CHECK(run.errors == test::Positions{"bad.yaml:1:1: no rule groups: expected `groups:` (a Prometheus rule file) or "
                                      "`kind: PrometheusRule` with `spec.groups`"});
  std::vector<std::string> found;
  for (const FileResult& f : run.files)
    for (const Diagnostic& d : f.diagnostics)
      found.push_back(f.path + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " + d.code +
                      " " + to_string(d.severity));
  CHECK(found == test::Positions{"content/runbooks/node/NodeGone.md:1:1 RB705 warning",
                                 "rules.yaml:9:20 RB702 error", "rules.yaml:12:20 RB703 error",
                                 "rules.yaml:13:5 RB701 warning", "rules.yaml:15:32 RB704 note"});
  CHECK(counts.alerts == 5);
  CHECK(counts.with_url == 4);
  CHECK(counts.resolved == 1);
  CHECK(counts.no_page == 1);
  CHECK(counts.no_anchor == 1);
  CHECK(counts.outside_base == 1);
  CHECK(counts.runbooks_naming == 2);
  CHECK(counts.undefined_names == 1);
}

TEST_CASE("alerts config: each key read, each mistake named with its line") {
  std::string error;
  auto c = parse_config(
      "alerts:\n  sources: [file_name]\n  name_pattern: '^Alert: (\\S+)$'\n  annotation: runbook\n"
      "  runbook_url: {base: 'https://r.example/rb', source: site/content, case: lower}\n",
      "/repo/.runbookc.yaml", error);
  REQUIRE_MESSAGE(c, error);
  CHECK(!c->alerts.naming.front_matter);
  CHECK(c->alerts.naming.file_name);
  CHECK(!c->alerts.naming.heading);
  CHECK(c->alerts.naming.name_pattern_text == "^Alert: (\\S+)$");
  CHECK(c->alerts.annotation == "runbook");
  CHECK(c->alerts.url_base == "https://r.example/rb/");
  CHECK(c->alerts.url_source == "/repo/site/content");
  CHECK(c->alerts.url_lower_case);

  auto fails = [](const std::string& text) {
    std::string e;
    CHECK(!parse_config(text, "c.yaml", e));
    return e;
  };
  CHECK(fails("alerts:\n  sources: [title]\n") ==
        "c.yaml:2: unknown alert-name source `title` (known: front_matter, file_name, heading; name_pattern adds its own)");
  CHECK(fails("alerts:\n  runbook_url: {base: x, case: lower}\n") ==
        "c.yaml:2: `alerts.runbook_url.base` must be an absolute URL (https://...)");
  CHECK(fails("alerts:\n  runbook_url:\n    case: upper\n") ==
        "c.yaml:3: `alerts.runbook_url.case` is lower (Hugo) or preserve (mdBook, Jekyll)");
  CHECK(fails("alerts:\n  name_pattern: '(('\n").starts_with("c.yaml:2: `alerts.name_pattern` does not compile"));
  CHECK(fails("alerts:\n  url: x\n") ==
        "c.yaml:2: unknown key `alerts.url` (known: sources, name_pattern, annotation, runbook_url)");
}

TEST_CASE("alerts check: fragments are the anchors Hugo's anchorize makes (checked with hugo 0.111.3)") {
  FileResult rb = lint_bytes("content/runbooks/node/NodeDiskFull.md",
                             "# Mitigation\n\n## Check the `etcd` status\n\n## Step 1: Restart the pod (P1)\n\n"
                             "## What's wrong?\n\n## a  --  b\n\n## Foo_bar.baz\n\n## C++ & Go\n");
  std::vector<std::string> anchors;
  for (const Section& s : rb.runbook.sections) anchors.push_back(s.anchor);
  // {{ anchorize "..." }} gave exactly these for the same headings.
  CHECK(anchors == test::Positions{"mitigation", "check-the-etcd-status", "step-1-restart-the-pod-p1", "whats-wrong",
                                   "a------b", "foo_barbaz", "c--go"});
}
