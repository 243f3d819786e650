// The lookups that replaced whole-runbook scans (section_at, suppression
// matching, findings per step, per-section step lists, code-point columns on
// long lines, cursor walks of wide trees) give the answers the scans gave;
// long lines in the text report are shown clipped around the finding.
#include <doctest/doctest.h>

#include <sstream>

#include "compiler/emit/script/plan.h"
#include "compiler/emit/script/script.h"
#include "compiler/syntax/source_file.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/emit/reporters/reporter.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

namespace {

/// The scan Runbook::section_at used to be: the last section starting at or before `offset`.
int section_at_by_scan(const Runbook& rb, uint32_t offset) {
  int found = -1;
  for (size_t i = 0; i < rb.sections.size() && rb.sections[i].span.begin <= offset; ++i) found = static_cast<int>(i);
  return found;
}

std::string lines_of(const std::string& text, size_t first, size_t count) {
  std::istringstream in(text);
  std::string line, out;
  for (size_t n = 0; std::getline(in, line); ++n)
    if (n >= first && n < first + count) out += line + "\n";
  return out;
}

std::string text_report(const FileResult& file) {
  LintRun run;
  run.files.push_back(file);
  std::ostringstream out;
  report_text(out, run, false);
  return out.str();
}

const char* kPlanRunbook =
    "# Ops\n\n"                                                        // 1, section 0
    "## Diagnose\n\n"                                                  // 3, section 1
    "```bash\nkubectl delete namespace prod\necho $API_TOKEN\n```\n\n"  // 5-8
    "### Deeper\n\n"                                                   // 10, section 2
    "<!-- runbookc-danger reason=\"staging only\" -->\n\n"             // 12
    "```bash\nkubectl delete deploy api-1\n```\n\n"                     // 14-16
    "## Fix\n\n"                                                       // 18, section 3
    "Drop it.\n\n"                                                     // 20
    "```bash\nkubectl delete deploy api-2\n```\n\n"                     // 22-24
    "```yaml\na: b\n```\n";                                            // 26-28

}  // namespace

TEST_CASE("section_at: the last section starting at or before an offset, -1 before the first") {
  std::string md = "Intro text.\n\n";
  for (int i = 0; i < 40; ++i) md += std::string(i % 3 == 0 ? "## " : "### ") + "Part " + std::to_string(i) + "\n\nText.\n\n";
  FileResult r = test::lint(md);
  const Runbook& rb = r.runbook;
  REQUIRE(rb.sections.size() == 40);
  CHECK(rb.section_at(0) == -1);
  CHECK(rb.section_at(12) == -1);  // the blank line before the first heading
  CHECK(rb.section_at(13) == 0);   // "## Part 0" starts at offset 13
  CHECK(rb.section_at(rb.sections[7].span.begin - 1) == 6);
  CHECK(rb.section_at(rb.sections[7].span.begin) == 7);
  CHECK(rb.section_at(static_cast<uint32_t>(md.size()) + 100) == 39);
  for (uint32_t offset = 0; offset <= md.size(); ++offset) REQUIRE(rb.section_at(offset) == section_at_by_scan(rb, offset));
}

TEST_CASE("suppressions: nested ranges, all-code ranges, next block across a heading, code lines, meta findings") {
  std::string md =
      "# Ops\n\n"                                               // 1
      "See [a](#nowhere) and [b](#gone).\n\n"                   // 3: two RB403
      "<!-- runbookc-disable -->\n"                             // 5: all codes, hides an error: RB410
      "```bash\necho $JWT_SECRET\nrm -rf /var/lib/app\n```\n"   // 6-9
      "<!-- runbookc-disable RB301 reason=\"demo\" -->\n"       // 10
      "```bash\necho $JWT_SECRET\nrm -rf /var/lib/app\n```\n"   // 11-14
      "<!-- runbookc-enable -->\n"                              // 15: closes both
      "```bash\necho $JWT_SECRET\nrm -rf /var/lib/app\n```\n"   // 16-19: 17:6 reported
      "<!-- runbookc-disable-next-block RB301 -->\n\n"          // 20: the block at 26, past the heading
      "## Later\n\n"                                            // 22
      "[c](#missing)\n\n"                                       // 24: RB403
      "```bash\n"                                               // 26
      "echo $API_TOKEN # runbookc: disable=RB301\n"             // 27: RB410 for this one
      "echo $API_TOKEN\n"                                       // 28
      "# runbookc: disable=secret-printed reason=\"x\"\n\n"     // 29: for line 31
      "echo $API_TOKEN\n```\n"                                  // 31
      "<!-- runbookc-disable-next-block -->\n";                 // 33: no block follows: RB411
  FileResult r = test::lint(md);
  CHECK(positions(r, "RB403") == list({"3:9", "3:27", "24:5"}));
  CHECK(positions(r, "RB301") == list({"17:6"}));
  CHECK(positions(r, "RB410") == list({"5:1", "20:1", "27:17"}));
  CHECK(positions(r, "RB411") == list({"33:1"}));
  CHECK(test::with_code(r, "RB410")[1].message.find("(RB301)") != std::string::npos);

  // A file-wide suppression of RB411 hides the finding about line 33 and is not itself "unused".
  FileResult quiet = test::lint(md + "<!-- runbookc-disable-file RB411 -->\n");
  CHECK(positions(quiet, "RB411").empty());
  CHECK(positions(quiet, "RB410") == list({"5:1", "20:1", "27:17"}));
  // An all-codes file-wide suppression hides findings, but never the ones about suppressions.
  FileResult all = test::lint(md + "<!-- runbookc-disable-file reason=\"x\" -->\n");
  CHECK(positions(all, "RB403").empty());
  CHECK(positions(all, "RB301").empty());
  CHECK(positions(all, "RB411") == list({"33:1"}));
}

TEST_CASE("plan index: steps per section, findings and dangers per step, context") {
  FileResult r = test::lint(kPlanRunbook);
  CHECK(positions(r, "RB275") == list({"6:16"}));
  CHECK(positions(r, "RB301") == list({"7:6"}));
  CHECK(positions(r, "RB276") == list({"15:9", "23:9"}));
  PlanIndex index(r.runbook, r.diagnostics);
  CHECK(index.steps_in(-1) == std::vector<int>{0, 1, 2, 3});
  CHECK(index.steps_in(0) == std::vector<int>{0, 1, 2, 3});
  CHECK(index.steps_in(1) == std::vector<int>{0, 1});
  CHECK(index.steps_in(2) == std::vector<int>{1});
  CHECK(index.steps_in(3) == std::vector<int>{2, 3});
  REQUIRE(index.findings(0).size() == 2);
  CHECK(index.findings(0)[0]->code == "RB275");
  CHECK(index.findings(0)[1]->code == "RB301");
  CHECK(index.findings(3).empty());
  CHECK(index.context(2) == "Drop it.");

  auto diagnose = plan_steps(index, 1);
  REQUIRE(diagnose.size() == 2);
  REQUIRE(diagnose[0].dangers.size() == 2);
  CHECK(diagnose[0].dangers[0].rfind("RB275 kubectl-delete-broad: `kubectl delete` deletes namespace", 0) == 0);
  CHECK(diagnose[0].dangers[1].rfind("RB301 secret-printed: echo prints `API_TOKEN`", 0) == 0);
  REQUIRE(diagnose[1].dangers.size() == 2);
  CHECK(diagnose[1].dangers[0].find("(declared: staging only)") != std::string::npos);
  CHECK(diagnose[1].dangers[1] == "declared dangerous by the author: staging only");
  auto fix = plan_steps(index, 3);
  REQUIRE(fix.size() == 2);
  CHECK(fix[0].number == 1);
  CHECK(fix[0].step == 2);
  CHECK(fix[0].heading == "Ops > Fix");
  CHECK(fix[0].context == "Drop it.");
  REQUIRE(fix[0].dangers.size() == 1);
  CHECK(fix[0].dangers[0].rfind("RB276 kubectl-delete: ", 0) == 0);
  CHECK(fix[1].rendered.runner == "show");
  CHECK(fix[1].dangers.empty());

  std::string error;
  std::string deeper = generate_script(index, 2, &error, ScriptCheck::lenient);
  CHECK(deeper.find("RB_STEP_COUNT=1\n") != std::string::npos);
  CHECK(deeper == generate_script(r.runbook, r.diagnostics, 2, &error, ScriptCheck::lenient));
}

TEST_CASE("columns on lines longer than the checkpoint spacing count code points, also after repair") {
  std::string text = "x";
  for (int i = 0; i < 6000; ++i) text += "\xc3\xa9";  // é
  text += "y\nz\n";
  SourceFile src("t.md", text);
  CHECK(src.position(12001).line == 1);
  CHECK(src.position(12001).column == 6002);  // the y
  CHECK(src.position(9001).column == 4502);   // the 4501st é
  CHECK(src.position(12003).line == 2);
  CHECK(src.position(12003).column == 1);

  SourceFile bad("t.md", std::string(10000, '\x80') + "z\n");  // stray continuation bytes
  CHECK(bad.position(10000).column == 1);
  CHECK(bad.repair_utf8() == std::vector<uint32_t>{0});  // one bad sequence
  CHECK(bad.position(10000).column == 10001);  // now 10000 '?' before the z
}

TEST_CASE("text report: a short line is shown whole, a long one clipped around the finding") {
  FileResult short_line = test::lint("# T\n\nSee [x](#nowhere).\n");
  CHECK(lines_of(text_report(short_line), 1, 2) == "3 | See [x](#nowhere).\n  |         ^~~~~~~~\n");

  std::string prefix;
  for (int i = 0; i < 1000; ++i) prefix += "\xc3\xa9";  // é: 1000 columns, 2000 bytes
  FileResult long_line = test::lint("# T\n\n" + prefix + " [x](#nowhere) " + std::string(1000, 'b') + "\n");
  std::string report = text_report(long_line);
  CHECK(lines_of(report, 0, 1).rfind("t.md:3:1006: warning: no heading in this runbook has the anchor", 0) == 0);
  // Columns 926-1165 of 2015: 80 before the finding's column (1006), 240 in all.
  std::string shown_prefix;
  for (int i = 0; i < 75; ++i) shown_prefix += "\xc3\xa9";
  CHECK(lines_of(report, 1, 2) == "3 | \u2026" + shown_prefix + " [x](#nowhere) " + std::string(150, 'b') + "\u2026\n" +
                                      "  | " + std::string(81, ' ') + "^~~~~~~~\n");
}

TEST_CASE("bash -n of a script over 100 KB (read from a temporary file) reports the line of the error") {
  std::string script;
  for (int i = 1; i <= 3000; ++i) script += i == 2000 ? "fi\n" : "echo 'a line of padding to pass one hundred KB' " + std::to_string(i) + "\n";
  REQUIRE(script.size() > 100 * 1024);
  BashVerdict verdict = bash_check_syntax(script);
  CHECK(verdict.rejected());
  CHECK(verdict.line == 2000);
  CHECK(verdict.message == "syntax error near unexpected token `fi'");
  CHECK(bash_check_syntax(script.substr(0, script.find("fi\n")) + "true\n" + script.substr(script.find("fi\n") + 3)).accepted());
}

TEST_CASE("a shell block with thousands of commands is walked whole, in order (unclosed fence)") {
  std::string md = "# T\n\n```bash\n";
  for (int i = 0; i < 3000; ++i) md += "echo \"$V_" + std::to_string(i) + "\" $((1 + 2)) <<< \"$W_" + std::to_string(i) + "\"\n";
  FileResult r = test::lint(md);  // no closing fence: the block runs to the end of the file
  REQUIRE(r.runbook.steps.size() == 1);
  const StepFacts& facts = r.runbook.steps[0].facts;
  CHECK(facts.commands.size() == 3000);
  REQUIRE(facts.env_vars.size() == 6000);
  CHECK(facts.env_vars[0] == "V_0");
  CHECK(facts.env_vars[1] == "W_0");
  CHECK(facts.env_vars[5999] == "W_2999");
  CHECK(positions(r, "RB402") == list({"3:1"}));
}
