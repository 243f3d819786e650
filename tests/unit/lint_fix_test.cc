// lint --fix: each rule's fix pinned on the exact text it produces, the rule
// silent afterwards, a second pass a no-op; the edit application and the
// unified diff on their own.
#include <doctest/doctest.h>

#include <sstream>

#include "compiler/base/unified_diff.h"
#include "compiler/emit/reporters/reporter.h"
#include "linter/config.h"
#include "linter/diagnostic_json.h"
#include "linter/fix.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

namespace {

FileResult fixed(const std::string& md, FixMode mode = FixMode::safe) {
  return lint_and_fix_bytes("t.md", md, default_config(), mode);
}

/// The text after fixing (the input when nothing was fixed).
std::string after(const std::string& md, FixMode mode = FixMode::safe) {
  FileResult r = fixed(md, mode);
  return r.fixed ? r.fixed->after : md;
}

/// The fixed text is a fixed point: fixing it again changes nothing.
void check_idempotent(const std::string& md, FixMode mode = FixMode::safe) {
  std::string once = after(md, mode);
  FileResult again = fixed(once, mode);
  CHECK_FALSE(again.fixed.has_value());
}

const Diagnostic& only(const FileResult& r, const std::string& code) {
  static Diagnostic missing;
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return d;
  FAIL("no " << code);
  return missing;
}

}  // namespace

TEST_CASE("RB401 fix: the fence's tag becomes what the content is") {
  std::string md = "# Alert\n\n```bash\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n\nDone.\n";
  FileResult before = test::lint(md);
  const Diagnostic& d = only(before, "RB401");
  REQUIRE(d.fix);
  CHECK(d.fix->safe);
  CHECK(d.fix->title == "retag the block as `promql`");
  REQUIRE(d.fix->edits.size() == 1);
  CHECK(d.fix->edits[0].span.begin == 12);
  CHECK(d.fix->edits[0].span.end == 16);
  CHECK(d.fix->edits[0].start.line == 3);
  CHECK(d.fix->edits[0].start.column == 4);
  CHECK(d.fix->edits[0].end.column == 8);

  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->fixes == 1);
  CHECK(r.fixed->after ==
        "# Alert\n\n```promql\nsum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n```\n\nDone.\n");
  CHECK(positions(r, "RB401").empty());
  check_idempotent(md);
}

TEST_CASE("RB401 fix: the tag inside braces, and attributes after it, are kept in place") {
  std::string md = "# Alert\n\n``` {.bash title=q}\nsum by (job) (rate(http_requests_total[5m]))\n```\n";
  CHECK(after(md) == "# Alert\n\n``` {.promql title=q}\nsum by (job) (rate(http_requests_total[5m]))\n```\n");
}

TEST_CASE("RB404 fix: an untagged block gets the language it was recognised as") {
  std::string md = "# T\n\n```\nrm -rf /var/cache/app\n```\n\ntext\n\n~~~\nSELECT 1 FROM users WHERE id = 4;\n~~~\n";
  FileResult before = test::lint(md);
  CHECK(positions(before, "RB404") == list({"3:1", "9:1"}));
  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->fixes == 2);
  CHECK(r.fixed->after == "# T\n\n```bash\nrm -rf /var/cache/app\n```\n\ntext\n\n~~~sql\nSELECT 1 FROM users WHERE id = 4;\n~~~\n");
  CHECK(positions(r, "RB404").empty());
  check_idempotent(md);
  // The insertion is an empty edit just after the fence.
  const Diagnostic& d = only(before, "RB404");
  REQUIRE(d.fix);
  CHECK(d.fix->edits[0].span.begin == d.fix->edits[0].span.end);
  CHECK(d.fix->edits[0].start.line == 3);
  CHECK(d.fix->edits[0].start.column == 4);
}

TEST_CASE("fixes keep a byte-order mark and CRLF line ends") {
  std::string md = "\xEF\xBB\xBF# A\r\n\r\n```\r\nrm -rf /var/cache/app\r\n```\r\n\r\n```bash\r\n"
                   "sum by (job) (rate(http_requests_total[5m]))\r\n```\r\n";
  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->fixes == 2);
  CHECK(r.fixed->after == "\xEF\xBB\xBF# A\r\n\r\n```bash\r\nrm -rf /var/cache/app\r\n```\r\n\r\n```promql\r\n"
                          "sum by (job) (rate(http_requests_total[5m]))\r\n```\r\n");
  CHECK(r.diagnostics.empty());
  check_idempotent(md);
}

TEST_CASE("RB404 fix: an untagged block in a list item keeps its indentation") {
  std::string md = "# T\n\n1. Clean:\n\n   ```\n   rm -rf /var/cache/app\n   ```\n";
  CHECK(after(md) == "# T\n\n1. Clean:\n\n   ```bash\n   rm -rf /var/cache/app\n   ```\n");
}

TEST_CASE("RB407 fix: double-encoded text restored, in prose safely") {
  // "Sympt√¥mes" (MacRoman) and "Ã©" (Latin-1) in prose.
  std::string md = "# Panne API\n\n## Sympt\xe2\x88\x9a\xc2\xa5mes\n\nV\xc3\x83\xc2\xa9rifier le cache.\n";
  FileResult before = test::lint(md);
  const Diagnostic& d = only(before, "RB407");
  REQUIRE(d.fix);
  CHECK(d.fix->safe);
  CHECK(d.fix->title == "restore 2 double-encoded sequences");
  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->after == "# Panne API\n\n## Sympt\xc3\xb4mes\n\nV\xc3\xa9rifier le cache.\n");
  CHECK(positions(r, "RB407").empty());
  check_idempotent(md);
}

TEST_CASE("RB407 fix: a whole-line comment in a command block is safe to restore") {
  std::string md = "# T\n\n```bash\n# V\xc3\x83\xc2\xa9rifier\nls /tmp\n```\n\n```sql\n  -- caf\xc3\x83\xc2\xa9\nSELECT 1;\n```\n";
  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->after == "# T\n\n```bash\n# V\xc3\xa9rifier\nls /tmp\n```\n\n```sql\n  -- caf\xc3\xa9\nSELECT 1;\n```\n");
  CHECK(positions(r, "RB407").empty());
  // In a console transcript `# ` is a root prompt: a command, so unsafe.
  std::string console = "# T\n\n```console\n# rm /tmp/caf\xc3\x83\xc2\xa9\n```\n";
  CHECK(after(console) == console);
  CHECK(after(console, FixMode::unsafe) == "# T\n\n```console\n# rm /tmp/caf\xc3\xa9\n```\n");
}

TEST_CASE("RB407 fix: a keycap emoji is restored whole") {
  // "1️⃣" = 1, U+FE0F, U+20E3; read as MacRoman: "1Ô∏è‚É£".
  std::string md = "# T\n\n## 1\xc3\x94\xe2\x88\x8f\xc3\xa8\xe2\x80\x9a\xc3\x89\xc2\xa3 Auth\n";
  CHECK(after(md) == "# T\n\n## 1\xef\xb8\x8f\xe2\x83\xa3 Auth\n");
  check_idempotent(md);
}

TEST_CASE("RB407 fix: inside a command only with --unsafe-fixes") {
  std::string md = "# Panne\n\nV\xc3\x83\xc2\xa9rifier:\n\n```bash\necho 'caf\xc3\x83\xc2\xa9'\n```\n";
  FileResult safe = fixed(md);
  REQUIRE(safe.fixed);
  CHECK(safe.fixed->after == "# Panne\n\nV\xc3\xa9rifier:\n\n```bash\necho 'caf\xc3\x83\xc2\xa9'\n```\n");
  CHECK(positions(safe, "RB407") == list({"6:10"}));  // what is left: the command
  const Diagnostic& left = only(safe, "RB407");
  REQUIRE(left.fix);
  CHECK_FALSE(left.fix->safe);
  CHECK(after(md, FixMode::unsafe) == "# Panne\n\nV\xc3\xa9rifier:\n\n```bash\necho 'caf\xc3\xa9'\n```\n");
  check_idempotent(md);
  check_idempotent(md, FixMode::unsafe);
}

TEST_CASE("RB403 fix: the one heading the anchor most likely meant") {
  std::string md = "# DB down\n\nSee [the checklist](#post-incident).\n\n## Post-incident review\n";
  FileResult before = test::lint(md);
  const Diagnostic& d = only(before, "RB403");
  REQUIRE(d.fix);
  CHECK(d.fix->title == "link to `#post-incident-review`");
  CHECK(d.fix->edits[0].start.line == 3);
  CHECK(d.fix->edits[0].start.column == 22);
  CHECK(d.fix->edits[0].end.column == 35);
  FileResult r = fixed(md);
  REQUIRE(r.fixed);
  CHECK(r.fixed->after == "# DB down\n\nSee [the checklist](#post-incident-review).\n\n## Post-incident review\n");
  CHECK(positions(r, "RB403").empty());
  check_idempotent(md);
  // Punctuation and case, and a typo.
  CHECK(after("# T\n\n[a](#Roll_Back) [b](#escalaton)\n\n## Roll back\n\n## Escalation\n") ==
        "# T\n\n[a](#roll-back) [b](#escalation)\n\n## Roll back\n\n## Escalation\n");
}

TEST_CASE("RB403 fix: words cut short or run on, the closest fit wins") {
  std::string md = "# T\n\n[a](#deploy-freeze) [b](#grafana-tips-for-beginners) [c](#post-incident)\n\n"
                   "## Deployment freeze\n\n## Grafana\n\n### Grafana tips\n\n## \xf0\x9f\x93\x8b Post-incident checklist\n";
  CHECK(after(md) == "# T\n\n[a](#deployment-freeze) [b](#grafana-tips) [c](#-post-incident-checklist)\n\n"
                     "## Deployment freeze\n\n## Grafana\n\n### Grafana tips\n\n## \xf0\x9f\x93\x8b Post-incident checklist\n");
  CHECK(positions(fixed(md), "RB403").empty());
  check_idempotent(md);
}

TEST_CASE("RB403 fix: none when several headings fit as well, or none does") {
  std::string two = "# T\n\n[a](#post-incident)\n\n## Post-incident review\n\n## Post-incident timeline\n";
  CHECK(after(two) == two);
  CHECK(positions(fixed(two), "RB403") == list({"3:5"}));
  std::string far = "# T\n\n[a](#metrics)\n\n## Rollback\n";
  CHECK(after(far) == far);
}

TEST_CASE("RB202 fix: ${VAR:?}, unsafe, only with --unsafe-fixes") {
  std::string md = "# Cleanup\n\n```bash\nrm -rf \"$BUILD_DIR\"/* $CACHE/tmp\n```\n";
  FileResult before = test::lint(md);
  CHECK(positions(before, "RB202") == list({"4:8", "4:23"}));
  const Diagnostic& d = only(before, "RB202");
  REQUIRE(d.fix);
  CHECK_FALSE(d.fix->safe);
  CHECK(d.fix->title == "guard the variable: `${BUILD_DIR:?}`");
  CHECK(after(md) == md);  // safe fixes only: untouched
  FileResult r = fixed(md, FixMode::unsafe);
  REQUIRE(r.fixed);
  CHECK(r.fixed->fixes == 2);
  CHECK(r.fixed->after == "# Cleanup\n\n```bash\nrm -rf \"${BUILD_DIR:?}\"/* ${CACHE:?}/tmp\n```\n");
  CHECK(positions(r, "RB202").empty());
  check_idempotent(md, FixMode::unsafe);
  // A braced reference keeps its braces' place.
  CHECK(after("# C\n\n```bash\nrm -r ${DIR}/x\n```\n", FixMode::unsafe) == "# C\n\n```bash\nrm -r ${DIR:?}/x\n```\n");
}

TEST_CASE("apply_fixes: overlapping edits keep the first fix, back-to-front application") {
  std::vector<Diagnostic> ds(3);
  ds[0].fix = Fix{{TextEdit{{2, 5}, "XY"}}, true, "a"};
  ds[1].fix = Fix{{TextEdit{{4, 6}, "Z"}}, true, "b"};     // overlaps the first: left for the next pass
  ds[2].fix = Fix{{TextEdit{{0, 0}, ">"}, TextEdit{{9, 10}, ""}}, true, "c"};
  AppliedFixes a = apply_fixes("0123456789", ds, false);
  CHECK(a.applied == 2);
  CHECK(a.text == ">01XY5678");
  ds[2].fix->safe = false;
  a = apply_fixes("0123456789", ds, false);
  CHECK(a.applied == 1);
  CHECK(a.text == "01XY56789");
  // An edit past the end is refused.
  std::vector<Diagnostic> bad(1);
  bad[0].fix = Fix{{TextEdit{{8, 20}, ""}}, true, "x"};
  CHECK(apply_fixes("0123456789", bad, true).applied == 0);
}

TEST_CASE("fix_to_json: title, safety and edits with line and column") {
  FileResult r = test::lint("# C\n\n```\nrm -rf /var/cache/app\n```\n");
  const Diagnostic& d = only(r, "RB404");
  REQUIRE(d.fix);
  CHECK(fix_to_json(*d.fix).dump() ==
        R"({"title":"tag the block as `bash`","safe":true,"edits":[{"line":3,"column":4,"end_line":3,"end_column":4,"replacement":"bash"}]})");
  CHECK(diagnostic_to_json(d).contains("fix"));
}

TEST_CASE("unified_diff: hunks, context and a missing final newline") {
  CHECK(unified_diff("a\nb\n", "a\nb\n", "x", "x").empty());
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nV\n6\n7\n8\n9\n", "f.md", "f.md") ==
        "--- f.md\n+++ f.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n");
  // Two changes far apart: two hunks; an insertion at the start.
  std::string a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  CHECK(unified_diff(a, "a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\n", "f", "f") ==
        "--- f\n+++ f\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n");
  CHECK(unified_diff("x\n", "new\nx\n", "f", "f") == "--- f\n+++ f\n@@ -1 +1,2 @@\n+new\n x\n");
  CHECK(unified_diff("x", "y", "f", "f") ==
        "--- f\n+++ f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
}

TEST_CASE("text report: a finding's fix, and a count of what --fix would fix") {
  LintRun run;
  run.files.push_back(test::lint("# C\n\n```\nrm -rf \"$DIR\"/x\n```\n"));
  std::ostringstream out;
  report_text(out, run, false);
  std::string text = out.str();
  CHECK(text.find("  = fix: tag the block as `bash` (safe: runbookc lint --fix)\n") != std::string::npos);
  CHECK(text.find("  = fix: guard the variable: `${DIR:?}` (unsafe: runbookc lint --fix --unsafe-fixes)\n") !=
        std::string::npos);
  CHECK(text.ends_with("0 errors, 2 warnings, 0 notes in 1 file\n"
                       "1 finding can be fixed with `runbookc lint --fix` (1 more with --unsafe-fixes)\n"));
}
