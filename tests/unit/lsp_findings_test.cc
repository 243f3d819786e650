// Findings in the protocol's words: a diagnostic's range, severity, code and
// data; the code actions' edits (a rule's fix, a suppression comment) applied
// to the text and linted again; the hover's explain text.
#include <doctest/doctest.h>

#include <algorithm>

#include "compiler/cli/lsp/findings.h"
#include "linter/rule.h"
#include "test_support.h"

using namespace rbc;
using namespace rbc::lsp;
using json = nlohmann::json;

namespace {

const char* kBroken = "# T\n\nProse é😀 here.\n\n```bash\necho é😀 \"unclosed\n```\n";
const char* kMistag = "# Mistag\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n";
const char* kBrokenAnchor = "# T\n\nSee [the fix](#nowhere) now.\n\n## Fix\n\nText.\n";

const Diagnostic& only(const FileResult& r, const std::string& code) {
  auto found = test::with_code(r, code);
  REQUIRE(found.size() == 1);
  static Diagnostic kept;
  kept = found.front();
  return kept;
}

/// Applies a WorkspaceEdit's edits for `uri` (ASCII lines only: characters are bytes).
std::string apply(const std::string& text, const json& action, const std::string& uri) {
  SourceFile file("t.md", text);
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> edits;
  for (const json& e : action["edit"]["changes"][uri]) {
    auto offset = [&](const json& p) {
      uint32_t line = p["line"].get<uint32_t>() + 1;
      return line > file.line_count() ? static_cast<uint32_t>(text.size())
                                      : file.line_start(line) + p["character"].get<uint32_t>();
    };
    edits.emplace_back(offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"].get<std::string>());
  }
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::string out = text;
  for (const auto& [begin, end, replacement] : edits) out.replace(begin, end - begin, replacement);
  return out;
}

}  // namespace

TEST_CASE("lsp findings: RB001 after é and an emoji, as a UTF-16 and a UTF-32 range") {
  FileResult r = test::lint(kBroken);
  const Diagnostic& d = only(r, "RB001");
  REQUIRE(d.start.line == 6);
  REQUIRE(d.start.column == 9);
  json j = diagnostic_json(d, *r.runbook.source, Encoding::utf16);
  CHECK(j["range"] == json::parse(R"({"start":{"line":5,"character":9},"end":{"line":5,"character":18}})"));
  CHECK(j["severity"] == 1);
  CHECK(j["code"] == "RB001");
  CHECK(j["source"] == "runbookc");
  CHECK(j["message"].get<std::string>().starts_with("this shell block does not parse: unexpected `\"unclosed`"));
  CHECK(j["data"]["rule"] == "bash-syntax");
  CHECK(j["data"]["category"] == "syntax");
  CHECK(j["data"]["fixable"] == false);
  json utf32 = diagnostic_json(d, *r.runbook.source, Encoding::utf32);
  CHECK(utf32["range"] == json::parse(R"({"start":{"line":5,"character":8},"end":{"line":5,"character":17}})"));
}

TEST_CASE("lsp findings: a warning is severity 2; the fix of RB401 is the first, preferred action") {
  FileResult r = test::lint(kMistag);
  const Diagnostic& d = only(r, "RB401");
  json j = diagnostic_json(d, *r.runbook.source, Encoding::utf16);
  CHECK(j["severity"] == 2);
  CHECK(j["range"] == json::parse(R"({"start":{"line":2,"character":0},"end":{"line":2,"character":7}})"));
  CHECK(j["data"]["fixable"] == true);
  std::vector<json> actions = code_actions(d, r.runbook, "file:///t.md", Encoding::utf16);
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "retag the block as `promql` (RB401)");
  CHECK(actions[0]["kind"] == "quickfix");
  CHECK(actions[0]["isPreferred"] == true);
  CHECK(actions[0]["diagnostics"][0]["code"] == "RB401");
  CHECK(actions[0]["edit"]["changes"]["file:///t.md"] ==
        json::parse(R"([{"range":{"start":{"line":2,"character":3},"end":{"line":2,"character":7}},"newText":"promql"}])"));
  CHECK(apply(kMistag, actions[0], "file:///t.md") == "# Mistag\n\n```promql\nsum by (job) (rate(errors_total[5m]))\n```\n");
}

TEST_CASE("lsp findings: the suppression action puts a disable-next-block comment above the block, and it holds") {
  FileResult r = test::lint(kMistag);
  std::vector<json> actions = code_actions(only(r, "RB401"), r.runbook, "file:///t.md", Encoding::utf16);
  REQUIRE(actions.size() == 2);
  CHECK(actions[1]["title"] == "Suppress RB401 for this code block (with a reason)");
  CHECK_FALSE(actions[1].contains("isPreferred"));
  std::string suppressed = apply(kMistag, actions[1], "file:///t.md");
  CHECK(suppressed ==
        "# Mistag\n\n<!-- runbookc-disable-next-block RB401 reason=\"\" -->\n```bash\n"
        "sum by (job) (rate(errors_total[5m]))\n```\n");
  CHECK(test::lint(suppressed).diagnostics.empty());
}

TEST_CASE("lsp findings: a finding in prose is suppressed by a disable/enable pair around its line") {
  FileResult r = test::lint(kBrokenAnchor);
  const Diagnostic& d = only(r, "RB403");
  CHECK(d.start.line == 3);
  CHECK(d.start.column == 15);
  std::vector<json> actions = code_actions(d, r.runbook, "file:///t.md", Encoding::utf16);
  REQUIRE(actions.size() == 1);  // no fix: no heading's anchor is close to #nowhere
  CHECK(actions[0]["title"] == "Suppress RB403 here (with a reason)");
  std::string suppressed = apply(kBrokenAnchor, actions[0], "file:///t.md");
  CHECK(suppressed ==
        "# T\n\n<!-- runbookc-disable RB403 reason=\"\" -->\nSee [the fix](#nowhere) now.\n"
        "<!-- runbookc-enable RB403 -->\n\n## Fix\n\nText.\n");
  CHECK(test::lint(suppressed).diagnostics.empty());
}

TEST_CASE("lsp findings: a request range touches a finding from its start to just after its end") {
  FileResult r = test::lint(kMistag);
  const Diagnostic& d = only(r, "RB401");  // 3:1 to 3:8
  CHECK(finding_touches(d, {3, 1}, {3, 1}));
  CHECK(finding_touches(d, {3, 8}, {3, 8}));
  CHECK(finding_touches(d, {1, 1}, {9, 1}));
  CHECK_FALSE(finding_touches(d, {3, 9}, {3, 9}));
  CHECK_FALSE(finding_touches(d, {4, 1}, {4, 3}));
}

TEST_CASE("lsp findings: the hover states the finding, then the rule's explain text") {
  FileResult r = test::lint(kMistag);
  const Diagnostic& d = only(r, "RB401");
  std::string text = hover_text({&d});
  CHECK(text.starts_with("RB401 mis-tagged-code-block (warning): this block is tagged `bash` but holds promql"));
  CHECK(text.find("\nhelp: tag the fence ```promql``` instead\n") != std::string::npos);
  const Rule* rule = find_rule("RB401");
  REQUIRE(rule);
  CHECK(text.find("\nRB401 mis-tagged-code-block (structure, warning by default)\n\n" + std::string(rule->summary)) !=
        std::string::npos);
}

TEST_CASE("lsp findings: an unsafe fix after é and an emoji: its edit in UTF-16 units, its title says unsafe") {
  FileResult r = test::lint("# Cleanup\n\n```bash\necho é😀; rm -rf \"$BUILD_DIR\"/*\n```\n");
  const Diagnostic& d = only(r, "RB202");
  REQUIRE(d.fix);
  REQUIRE(d.fix->edits.size() == 1);
  CHECK(d.fix->edits[0].start.column == 18);  // code points
  std::vector<json> actions = code_actions(d, r.runbook, "file:///t.md", Encoding::utf16);
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "guard the variable: `${BUILD_DIR:?}` (unsafe: changes what the command does) (RB202)");
  CHECK_FALSE(actions[0].contains("isPreferred"));
  CHECK(actions[0]["edit"]["changes"]["file:///t.md"] ==
        json::parse(R"([{"range":{"start":{"line":3,"character":18},"end":{"line":3,"character":28}},"newText":"${BUILD_DIR:?}"}])"));
  std::vector<json> wide = code_actions(d, r.runbook, "file:///t.md", Encoding::utf32);
  CHECK(wide[0]["edit"]["changes"]["file:///t.md"][0]["range"] ==
        json::parse(R"({"start":{"line":3,"character":17},"end":{"line":3,"character":27}})"));
  CHECK(actions[1]["edit"]["changes"]["file:///t.md"][0]["newText"] ==
        "<!-- runbookc-disable-next-block RB202 reason=\"\" -->\n");
}
