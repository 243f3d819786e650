#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "compiler/syntax/fence_info.h"
#include "compiler/syntax/markdown.h"
#include "test_support.h"

using namespace rbc;

namespace {
Position pos_of_body_byte(const Runbook& rb, const Step& s, size_t i) { return rb.source->position(s.body_to_file[i]); }
}  // namespace

TEST_CASE("fence info: language and attributes") {
  FenceInfo f = parse_fence_info("bash {name=restart-api danger=\"sessions are re-created\"}");
  CHECK(f.language == "bash");
  CHECK(f.attributes["name"] == "restart-api");
  CHECK(f.attributes["danger"] == "sessions are re-created");
  FenceInfo g = parse_fence_info("{.SQL #q1 timeout=30}");
  CHECK(g.language == "sql");
  CHECK(g.attributes["id"] == "q1");
  CHECK(g.attributes["timeout"] == "30");
}

TEST_CASE("sections form a tree with GitHub anchors") {
  Runbook rb = parse_runbook("r.md", "# Auth down\n\n## Mitigation\n\n### Roll back\n\n## Mitigation\n");
  REQUIRE(rb.sections.size() == 4);
  CHECK(rb.sections[0].anchor == "auth-down");
  CHECK(rb.sections[2].anchor == "roll-back");
  CHECK(rb.sections[2].parent == 1);
  CHECK(rb.sections[2].line == 5);
  CHECK(rb.sections[3].anchor == "mitigation-1");
  CHECK(rb.sections[3].parent == 0);
  CHECK(rb.section_path(2) == "Auth down > Mitigation > Roll back");
}

TEST_CASE("every body byte maps to its file line and column, in a list item") {
  std::string md = "# T\n\n1. Step\n\n   ```bash\n   echo one\n     echo two\n   ```\n";
  Runbook rb = parse_runbook("r.md", md);
  REQUIRE(rb.steps.size() == 1);
  const Step& s = rb.steps[0];
  CHECK(s.body == "echo one\n  echo two\n");
  CHECK(s.line == 5);
  CHECK(s.closed);
  Position e = pos_of_body_byte(rb, s, 0);
  CHECK(e.line == 6);
  CHECK(e.column == 4);
  Position two = pos_of_body_byte(rb, s, s.body.find("two"));
  CHECK(two.line == 7);
  CHECK(two.column == 11);
}

TEST_CASE("source map survives a BOM and CRLF line endings") {
  std::string md = "\xEF\xBB\xBF# T\r\n\r\n- ```sh\r\n  \techo x\r\n  ```\r\n";
  Runbook rb = parse_runbook("r.md", md);
  REQUIRE(rb.steps.size() == 1);
  const Step& s = rb.steps[0];
  CHECK(s.body == "\techo x\n");
  Position p = pos_of_body_byte(rb, s, s.body.find('x'));
  CHECK(p.line == 4);
  CHECK(p.column == 9);
}

TEST_CASE("a tab split by list indentation maps to the tab itself") {
  // "-\t" puts the item's content at column 5, so the tab is consumed with the indentation.
  Runbook rb = parse_runbook("r.md", "# T\n\n-\t```sh\n \techo x\n    ```\n");
  REQUIRE(rb.steps.size() == 1);
  const Step& s = rb.steps[0];
  Position p = pos_of_body_byte(rb, s, s.body.find('x'));
  CHECK(p.line == 4);
  CHECK(p.column == 8);
}

TEST_CASE("an unterminated fence is recorded, and front matter is not markdown") {
  Runbook rb = parse_runbook("r.md", "---\ntitle: Queue backlog\nseverity: p2\nalerts: [QueueDepthHigh]\n---\n# Queue\n\n```bash\nls\n");
  CHECK(rb.front_matter.present);
  CHECK(rb.metadata.title == "Queue backlog");
  CHECK(rb.metadata.severity == "P2");
  REQUIRE(rb.metadata.alerts.size() == 1);
  CHECK(rb.metadata.alerts[0] == "QueueDepthHigh");
  CHECK(rb.metadata.lines["alerts"] == 4);
  REQUIRE(rb.sections.size() == 1);
  CHECK(rb.sections[0].line == 6);
  REQUIRE(rb.steps.size() == 1);
  CHECK_FALSE(rb.steps[0].closed);
}

TEST_CASE("invalid front matter YAML is recorded with its file line") {
  Runbook rb = parse_runbook("r.md", "---\ntitle: ok\nowner: [sre\n---\n# T\n\n```bash\nls\n```\n");
  REQUIRE(rb.front_matter.error.has_value());
  CHECK(rb.front_matter.error_line == 4);
  CHECK(rb.steps.size() == 1);  // the rest is still read
}

TEST_CASE("metadata from in-body conventions when there is no front matter") {
  Runbook rb = parse_runbook("r.md",
                             "# Payments down (P1)\n\n**Owner:** payments-sre\n**Last Updated:** 2025-03-01\n"
                             "Next Review: 2025-06-01\n");
  CHECK(rb.metadata.title == "Payments down (P1)");
  CHECK(rb.metadata.owner == "payments-sre");
  CHECK(rb.metadata.last_reviewed == "2025-03-01");
  CHECK(rb.metadata.next_review == "2025-06-01");
  CHECK(rb.metadata.severity == "P1");
  CHECK(rb.metadata.lines["owner"] == 3);
}

TEST_CASE("a severity legend (P0..P3 headings) is not the runbook's severity") {
  Runbook rb = parse_runbook("r.md", "# Runbook\n\n## P0 - Critical\n\n## P1 - High\n");
  CHECK(rb.metadata.severity.empty());
}

TEST_CASE("untagged blocks are recognised by their content") {
  FileResult r = test::lint("# T\n\n```\nkubectl get pods\n```\n\n```\nSELECT 1;\n```\n\n```\nhello\n```\n");
  const Runbook& rb = r.runbook;
  REQUIRE(rb.steps.size() == 3);
  CHECK(rb.steps[0].kind == BlockKind::shell);
  CHECK(rb.steps[0].kind_guessed);
  CHECK(rb.steps[1].kind == BlockKind::postgres);
  CHECK(rb.steps[2].kind == BlockKind::none);
}

TEST_CASE("links and HTML comments keep their positions") {
  Runbook rb = parse_runbook("r.md", "# T\n\nSee [the review](#post-incident).\n\n<!-- runbookc-disable RB201 -->\n");
  REQUIRE(rb.links.size() == 1);
  CHECK(rb.links[0].url == "#post-incident");
  CHECK(rb.source->position(rb.links[0].span.begin).line == 3);
  CHECK(rb.source->position(rb.links[0].span.begin).column == 18);
  REQUIRE(rb.comments.size() == 1);
  CHECK(rb.comments[0].line == 5);
}

TEST_CASE("without the document tree, sections, steps, links and comments are recorded the same") {
  std::string md = "# Title\n\n<!-- runbookc: disable=RB250 -->\nSee [the index](#steps).\n\n## Steps\n\n```bash\nredis-cli FLUSHDB\n```\n";
  Runbook full = parse_runbook("t.md", md);
  Runbook lean = parse_runbook("t.md", md, ParseOptions{.document = false});
  CHECK(full.document.children.size() == 5);
  CHECK(lean.document.children.empty());
  REQUIRE(lean.sections.size() == 2);
  CHECK(lean.sections[1].anchor == "steps");
  REQUIRE(lean.steps.size() == 1);
  CHECK(lean.steps[0].line == 8);
  CHECK(lean.steps[0].body == full.steps[0].body);
  REQUIRE(lean.links.size() == 1);
  CHECK(lean.links[0].url == "#steps");
  CHECK(lean.comments.size() == full.comments.size());
}

namespace {

/// The document tree as text: node types, texts and URLs in order.
void flatten(const DocNode& node, std::string& out) {
  out += std::to_string(static_cast<int>(node.type)) + ":" + node.text + node.url + "(";
  for (const DocNode& child : node.children) flatten(child, out);
  out += ")";
}

}  // namespace

TEST_CASE("parsing on several threads at once gives what parsing alone gives (cmark-gfm's shared special characters)") {
  const std::vector<std::string> docs = {
      "# A\n\nSee www.example.com and https://example.org/x for more.\n\n- [ ] check x\n- [x] done\n",
      "# B\n\n~~old~~ new, and ~strike~ here: https://a.example/b www.b.example\n",
      "# C\n\nplain text with a: colon, some w words, and tasks:\n\n- [X] big x\n",
  };
  std::vector<std::string> expected;
  for (const std::string& d : docs) {
    std::string flat;
    flatten(parse_runbook("t.md", d).document, flat);
    expected.push_back(flat);
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        size_t k = static_cast<size_t>(i + t) % docs.size();
        std::string flat;
        flatten(parse_runbook("t.md", docs[k]).document, flat);
        if (flat != expected[k]) ++mismatches;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(mismatches == 0);
  CHECK(expected[0].find("http://www.example.com") != std::string::npos);  // the autolinks are there to lose
  CHECK(expected[1].find("old") != std::string::npos);
}
