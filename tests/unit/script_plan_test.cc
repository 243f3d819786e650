// Step numbering, placeholder -> parameter mapping and section selection of
// the script back end.
#include <doctest/doctest.h>

#include "compiler/emit/script/plan.h"
#include "compiler/emit/script/script.h"
#include "compiler/model/runbook_model.h"
#include "test_support.h"

using namespace rbc;

namespace {

const char* kRunbook =
    "# Outage\n\n"
    "## Diagnosis\n\n"
    "Check the pods.\n\n"
    "```bash\nkubectl get pods -n <namespace>\n```\n\n"
    "```yaml\nkey: value\n```\n\n"
    "## Mitigation\n\n"
    "### Roll back\n\n"
    "Undo the deploy.\n\n"
    "```console\n$ kubectl rollout undo deploy/api --to-revision=<previous-version>\ndeployment rolled back\n```\n\n"
    "```sql\nSELECT pg_terminate_backend(<pid>) FROM pg_stat_activity WHERE usename = '<user>';\n```\n\n"
    "### Restart\n\n"
    "```bash\necho \"restarting <namespace>\" '<namespace>'\n```\n";

std::vector<std::string> numbers_and_runners(const std::vector<PlannedStep>& steps) {
  std::vector<std::string> out;
  for (const auto& s : steps) out.push_back(std::to_string(s.number) + ":" + std::to_string(s.step) + ":" + s.rendered.runner);
  return out;
}

}  // namespace

TEST_CASE("steps are numbered in document order; other languages are shown") {
  FileResult r = test::lint(kRunbook);
  auto steps = plan_steps(r.runbook, r.diagnostics, -1);
  CHECK(numbers_and_runners(steps) == test::list({"1:0:shell", "2:1:show", "3:2:shell", "4:3:psql", "5:4:shell"}));
  CHECK(steps[0].heading == "Outage > Diagnosis");
  CHECK(steps[0].context == "Check the pods.");
  CHECK(steps[1].rendered.note == "yaml is shown, not run");
  CHECK(steps[4].context == "");
}

TEST_CASE("placeholders become parameters, inserted by context") {
  FileResult r = test::lint(kRunbook);
  auto steps = plan_steps(r.runbook, r.diagnostics, -1);
  CHECK(steps[0].rendered.code == "kubectl get pods -n \"${RB_PARAM_namespace}\"\n");
  CHECK(steps[0].rendered.params == test::list({"namespace"}));
  CHECK(steps[0].rendered.spliced.empty());
  // Console: the prompt and the output line are dropped.
  CHECK(steps[2].rendered.code == "kubectl rollout undo deploy/api --to-revision=\"${RB_PARAM_previous_version}\"\n");
  CHECK(steps[2].rendered.params == test::list({"previous-version"}));
  // SQL: psql variables, a literal for the whole '<user>'.
  CHECK(steps[3].rendered.code ==
        "SELECT pg_terminate_backend(:'rb_pid') FROM pg_stat_activity WHERE usename = :'rb_user';\n");
  CHECK(steps[3].rendered.params == test::list({"pid", "user"}));
  // Inside quotes the value is spliced into text, so it must be plain.
  CHECK(steps[4].rendered.code == "echo \"restarting ${RB_PARAM_namespace}\" ''\"${RB_PARAM_namespace}\"''\n");
  CHECK(steps[4].rendered.spliced == test::list({"namespace"}));
}

TEST_CASE("incident sections and section selection") {
  FileResult r = test::lint(kRunbook);
  std::vector<std::string> anchors;
  for (int s : incident_sections(r.runbook)) anchors.push_back(r.runbook.sections[s].anchor);
  CHECK(anchors == test::list({"diagnosis", "roll-back", "restart"}));
  int mitigation = find_section(r.runbook, "mitigation");
  REQUIRE(mitigation >= 0);
  CHECK(numbers_and_runners(plan_steps(r.runbook, r.diagnostics, mitigation)) ==
        test::list({"1:2:shell", "2:3:psql", "3:4:shell"}));
  CHECK(find_section(r.runbook, "nope") == -1);
}

TEST_CASE("sections are named with their incident, without the runbook's title heading") {
  FileResult r = test::lint(kRunbook);
  CHECK(section_label(r.runbook, find_section(r.runbook, "roll-back")) == "Mitigation \u203a Roll back");
  CHECK(section_label(r.runbook, find_section(r.runbook, "diagnosis")) == "Diagnosis");
  // Two level-1 headings: neither is the title of the other, both are named.
  FileResult two = test::lint("# Auth down\n\n## Diagnostic\n\n```bash\nls\n```\n\n# DB down\n\n## Diagnostic\n\n```bash\nls\n```\n");
  CHECK(section_label(two.runbook, find_section(two.runbook, "diagnostic-1")) == "DB down \u203a Diagnostic");
}

TEST_CASE("the section outline lists incidents above their sections, with steps that run and dangerous ones") {
  FileResult r = test::lint(kRunbook);
  std::vector<std::string> lines;
  for (const SectionOutline& o : section_outline(PlanIndex(r.runbook, r.diagnostics)))
    lines.push_back(std::string(2 * o.depth, ' ') + r.runbook.sections[o.section].anchor + " " +
                    std::to_string(o.steps) + " " + std::to_string(o.dangerous));
  CHECK(lines == test::list({"diagnosis 1 0", "mitigation 3 1", "  roll-back 2 1", "  restart 1 0"}));
}

TEST_CASE("alternatives: headings that open one of several cases") {
  for (const char* title : {"If the primary is down", "Si Database Down", "3.1 If Redis is full", "Option A: restart",
                            "Option 2", "Case 1: one pod", "Scenario 3: network partition", "Wenn die Platte voll ist",
                            "Alternative"})
    CHECK_MESSAGE(is_alternative_heading(title), title);
  for (const char* title : {"Iffy results", "Options", "Diagnosis", "Use cases", "Signals", "Alternatives considered",
                            "Case studies", "Simple fix"})
    CHECK_MESSAGE(!is_alternative_heading(title), title);
}

TEST_CASE("alternatives: two or more sibling sections form a group") {
  FileResult r = test::lint(
      "# Backlog\n\n## Mitigation\n\n### If consumers are down\n\ntext\n\n### If a message is poisoned\n\ntext\n\n"
      "## Verify\n\n### If it still grows\n\ntext\n");
  std::vector<AlternativeGroup> groups = alternative_groups(r.runbook);
  REQUIRE(groups.size() == 1);  // "If it still grows" has no sibling alternative
  CHECK(r.runbook.sections[groups[0].parent].anchor == "mitigation");
  REQUIRE(groups[0].sections.size() == 2);
  CHECK(r.runbook.sections[groups[0].sections[0]].anchor == "if-consumers-are-down");
  CHECK(r.runbook.sections[groups[0].sections[1]].anchor == "if-a-message-is-poisoned");
}

TEST_CASE("alternatives: declared in front matter, by a heading's title or anchor") {
  FileResult r = test::lint(
      "---\nalternatives: [Fixes, roll-back-paths]\n---\n# Backlog\n\n## Fixes\n\n### Restart consumers\n\ntext\n\n"
      "### Purge the poisoned message\n\ntext\n\n## Roll back paths\n\n### Helm\n\ntext\n\n### Argo\n\ntext\n\n"
      "### Kubectl\n\ntext\n\n## Verify\n\n### Queue depth\n\ntext\n\n### Error rate\n\ntext\n");
  std::vector<AlternativeGroup> groups = alternative_groups(r.runbook);
  REQUIRE(groups.size() == 2);  // Verify's subsections are a sequence
  CHECK(r.runbook.sections[groups[0].parent].anchor == "fixes");
  CHECK(groups[0].sections.size() == 2);
  CHECK(r.runbook.sections[groups[1].parent].anchor == "roll-back-paths");
  CHECK(groups[1].sections.size() == 3);
}

TEST_CASE("generate_script refuses a step with a syntax error, and a runbook with nothing to run") {
  FileResult bad = test::lint("# T\n\n```bash\nif then fi (\n```\n");
  std::string error;
  CHECK(generate_script(bad.runbook, bad.diagnostics, -1, &error) == "");
  CHECK(error.find("RB001") != std::string::npos);
  FileResult none = test::lint("# T\n\n```yaml\na: 1\n```\n");
  error.clear();
  CHECK(generate_script(none.runbook, none.diagnostics, -1, &error) == "");
  CHECK(error == "t.md: the runbook has no step that can run (no shell, SQL or Redis code block)");
  FileResult ok = test::lint(kRunbook);
  std::string script = generate_script(ok.runbook, ok.diagnostics, -1, &error);
  CHECK(script.rfind("#!/usr/bin/env bash\n", 0) == 0);
  CHECK(script.find("RB_PARAMS=( 'namespace' 'previous-version' 'pid' 'user' )\n") != std::string::npos);
  CHECK(script.find("# Content hash: xxh3-64:" + content_hash(ok.runbook) + "\n") != std::string::npos);
}
