// compiler/syntax/alert_names.h: which alerts a runbook names, and from where.
#include <doctest/doctest.h>

#include <memory>

#include "compiler/base/pattern.h"
#include "compiler/syntax/alert_names.h"
#include "compiler/syntax/markdown.h"
#include "test_support.h"

using namespace rbc;

namespace {

/// "name@source:line:column" for each origin.
std::vector<std::string> origins(const Runbook& rb) {
  std::vector<std::string> out;
  for (const AlertOrigin& o : rb.metadata.alert_origins)
    out.push_back(o.name + "@" + o.source + ":" + std::to_string(o.line) + ":" + std::to_string(o.column));
  return out;
}

Runbook parse(const std::string& path, const std::string& text, const AlertNaming* naming = nullptr) {
  ParseOptions options;
  options.alert_naming = naming;
  return parse_runbook(path, text, options);
}

}  // namespace

TEST_CASE("alert names: camel case with two humps, the identifier charset, a lower-case letter") {
  for (const char* yes : {"KubePodCrashLooping", "etcdMembersDown", "CephOSDDown", "NodeRAIDDegraded", "KubeAPIDown",
                          "TargetDown", "PrometheusTSDBReloadsFailing", "Node5xxErrors"})
    CHECK_MESSAGE(looks_like_alert_name(yes), yes);
  for (const char* no : {"Overview", "Troubleshooting", "Meaning", "README", "Watchdog", "node-down",
                         "email-alert-api-high-queue-latency", "Kube Pod Down", "instance_down", "FAQ", "", "5xxErrors",
                         "`KubePodCrashLooping`"})
    CHECK_MESSAGE(!looks_like_alert_name(no), no);
  CHECK(is_alert_identifier("Watchdog"));
  CHECK(is_alert_identifier("instance_down"));
  CHECK(!is_alert_identifier("node-down"));
}

TEST_CASE("alert names: a file named after the alert in an alerts or runbooks tree") {
  CHECK(alert_name_from_path("content/runbooks/node/NodeFilesystemSpaceFillingUp.md") == "NodeFilesystemSpaceFillingUp");
  CHECK(alert_name_from_path("alerts/CephOSDDown.html.md") == "CephOSDDown");
  CHECK(alert_name_from_path("/srv/docs/Alerts/KubeAPIDown.markdown") == "KubeAPIDown");
  CHECK(alert_name_from_path("docs/KubePodCrashLooping.md") == "");  // not in an alerts/runbooks tree
  CHECK(alert_name_from_path("alerts/email-alert-api-high-queue-latency.html.md") == "");
  CHECK(alert_name_from_path("runbooks/_index.md") == "");
  CHECK(alert_name_from_path("runbooks/README.md") == "");
}

TEST_CASE("alert names: each source recorded with its line and column, each name once") {
  Runbook rb = parse("runbooks/kube/KubePodCrashLooping.md",
                     "---\ntitle: Crash loops\nalerts:\n  - KubePodNotReady\n---\n# KubePodCrashLooping\n\n## Meaning\n");
  CHECK(rb.metadata.alerts == std::vector<std::string>{"KubePodNotReady", "KubePodCrashLooping"});
  CHECK(origins(rb) == std::vector<std::string>{"KubePodNotReady@front_matter:4:5", "KubePodCrashLooping@file_name:1:1",
                                                "KubePodCrashLooping@heading:6:3"});
}

TEST_CASE("alert names: the first H2 counts only without an H1, backticks allowed") {
  CHECK(origins(parse("alerts/doc.md", "Intro.\n\n## `etcdMembersDown`\n\n## CephOSDDown\n")) ==
        std::vector<std::string>{"etcdMembersDown@heading:3:5"});
  CHECK(origins(parse("alerts/doc.md", "# Overview\n\n## CephOSDDown\n")).empty());
  CHECK(origins(parse("alerts/doc.md", "# Troubleshooting\n")).empty());
  CHECK(origins(parse("alerts/Overview.md", "# Meaning\n")).empty());
}

TEST_CASE("alert names: titles and file names outside alerts trees, and helper pages inside, name nothing") {
  CHECK(origins(parse("docs/src/postgis.md", "# PostGIS\n")).empty());
  CHECK(origins(parse("docs/KubePodCrashLooping.md", "# KubePodCrashLooping\n")).empty());
  CHECK(origins(parse("alerts/storage/helpers/gatherLogs.md", "# Optional log gathering\n")).empty());
  CHECK(origins(parse("alerts/logging/ForwarderNamingSchema.md", "# Naming schemas\n")).empty());
  // A title that holds the name (a "[Deprecated]" mark), or no title at all: the file name stands.
  CHECK(origins(parse("alerts/virt/SSPOperatorDown.md", "# SSPOperatorDown [Deprecated]\n")) ==
        std::vector<std::string>{"SSPOperatorDown@file_name:1:1"});
  CHECK(origins(parse("alerts/RouterErrorRatioTooHigh.html.md", "---\ntitle: Router error ratio too high\n---\nText.\n")) ==
        std::vector<std::string>{"RouterErrorRatioTooHigh@file_name:1:1"});
}

TEST_CASE("alert names: sources switched off, and a team's pattern over headings") {
  AlertNaming front_matter_only;
  front_matter_only.file_name = front_matter_only.heading = false;
  CHECK(origins(parse("runbooks/KubePodCrashLooping.md", "# KubePodCrashLooping\n", &front_matter_only)).empty());

  AlertNaming pattern = front_matter_only;
  pattern.name_pattern = std::make_shared<const Pattern>("^Alert: (\\S+)$");
  Runbook rb = parse("doc.md", "# Disk\n\n## Alert: disk_almost_full\n\n## Alert: two words here\n", &pattern);
  CHECK(origins(rb) == std::vector<std::string>{"disk_almost_full@pattern:3:11"});
}
