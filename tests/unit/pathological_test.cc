// Hostile or absurd input: the pipeline finishes, with sane results, and
// never crashes (deep nesting, huge lines, many headings).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;

TEST_CASE("20,000 nested command substitutions do not exhaust the stack") {
  std::string open, close;
  for (int i = 0; i < 20000; ++i) open += "$(", close += ")";
  auto r = test::lint("# T\n\n```bash\necho " + open + "x" + close + "\n```\n");
  CHECK(r.runbook.steps.size() == 1);
  CHECK(test::positions(r, "RB001").empty());
}

TEST_CASE("100,000 nested block quotes and a 1 MB line are read") {
  auto r = test::lint("# T\n\n" + std::string(100000, '>') + " x\n\n" + std::string(1 << 20, '`') + "\n");
  REQUIRE(r.runbook.sections.size() == 1);
  CHECK(r.runbook.sections[0].anchor == "t");
}

TEST_CASE("10,000 identical headings get unique anchors") {
  std::string md;
  for (int i = 0; i < 10000; ++i) md += "## Step\n";
  auto r = test::lint(md);
  REQUIRE(r.runbook.sections.size() == 10000);
  CHECK(r.runbook.sections[9999].anchor == "step-9999");
}

TEST_CASE("a fence of 10,000 backticks holding 10,000 lines of shell") {
  std::string fence(10000, '`'), body;
  for (int i = 0; i < 10000; ++i) body += "echo " + std::to_string(i) + "\n";
  auto r = test::lint("# T\n\n" + fence + "bash\n" + body + fence + "\n");
  REQUIRE(r.runbook.steps.size() == 1);
  REQUIRE(r.runbook.steps[0].facts.commands.size() == 10000);
  CHECK(r.runbook.source->position(r.runbook.steps[0].facts.commands[9999].span.begin).line == 10003);
}

TEST_CASE("a NUL byte makes a binary file, reported once") {
  auto r = test::lint(std::string("# T\n\0\0\0", 7));
  CHECK(test::positions(r, "RB005") == test::list({"1:1"}));
  CHECK(r.runbook.steps.empty());
}

TEST_CASE("deep subshells, groups and quoted substitutions stop the walker, not the process") {
  std::string subshells = std::string(20000, '(') + "rm -rf /tmp/x" + std::string(20000, ')');
  std::string groups, quoted;
  for (int i = 0; i < 20000; ++i) groups += "{ ";
  groups += "echo x; ";
  for (int i = 0; i < 20000; ++i) groups += "} ";
  for (int i = 0; i < 5000; ++i) quoted += "\"$(";
  quoted += "x";
  for (int i = 0; i < 5000; ++i) quoted += ")\"";
  auto r = test::lint("# T\n\n```bash\n" + subshells + "\n```\n\n```bash\n" + groups + "\n```\n\n```bash\necho " + quoted +
                      "\n```\n");
  REQUIRE(r.runbook.steps.size() == 3);
  CHECK(r.runbook.steps[0].facts.commands.empty());  // the command lies past the walker's depth
  CHECK(test::positions(r, "RB001").empty());
  // ...and says where it stopped (RB008): in the subshells, and in the
  // quoted substitutions (`"$(` is 4 frames deep: its 100th, column 304).
  CHECK(test::positions(r, "RB008") == test::list({"4:402", "12:304"}));
}
