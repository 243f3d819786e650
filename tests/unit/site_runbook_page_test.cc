#include <doctest/doctest.h>

#include "compiler/emit/index/json_index.h"
#include "compiler/emit/site/highlight.h"
#include "compiler/emit/site/runbook_page.h"
#include "test_support.h"

namespace {

std::string page_of(const std::string& markdown) {
  rbc::FileResult f = rbc::test::lint(markdown, "runbooks/t.md");
  return rbc::site::render_runbook_page(rbc::site::SiteInfo{}, {f, "t", {}});
}

}  // namespace

TEST_CASE("site: raw HTML from a runbook is shown as text, never passed through") {
  std::string html = page_of(
      "---\ntitle: \"<script>alert(1)</script>\"\n---\n# Hostile\n\n<script>alert(2)</script>\n\n"
      "Inline <img src=x onerror=alert(3)> and [js](javascript:alert(4)).\n");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<code class=\"raw-html\">&lt;img src=x onerror=alert(3)&gt;</code>") != std::string::npos);
  CHECK(html.find("<a class=\"unsafe-link\">js</a>") != std::string::npos);
}

TEST_CASE("site: heading ids are the sections' GitHub anchors; the first h1 becomes the page title") {
  std::string html = page_of("# Queue backlog\n\n## Roll back: the `worker` deploy\n\ntext\n");
  CHECK(html.find("<h1 id=\"queue-backlog\">Queue backlog</h1>") != std::string::npos);
  CHECK(html.find("<h3 id=\"roll-back-the-worker-deploy\">") != std::string::npos);
  CHECK(html.find("<a href=\"#roll-back-the-worker-deploy\">Roll back: the worker deploy</a>") != std::string::npos);
}

TEST_CASE("site: code lines carry file line numbers and highlight classes") {
  std::string html = page_of("# T\n\n```bash\necho \"$HOME\"\n```\n");
  CHECK(html.find("<span class=\"line\" id=\"step-1-L4\"><span class=\"ln\" aria-hidden=\"true\">4</span>") != std::string::npos);
  CHECK(html.find("<span class=\"hl-function\">echo</span>") != std::string::npos);
}

TEST_CASE("site: highlight ranges are sorted, disjoint, and inner nodes win") {
  auto hl = rbc::site::highlight(rbc::Grammar::bash, "echo \"$HOME\" # hi\n");
  REQUIRE(hl.size() >= 3);
  for (size_t i = 1; i < hl.size(); ++i) CHECK(hl[i - 1].end <= hl[i].begin);
  CHECK(hl.front().begin == 0);
  CHECK(hl.front().end == 4);
  CHECK(hl.front().name == "function");
  CHECK(hl.back().name == "comment");
}

TEST_CASE("site: runbook ids are paths below the common directory, unique") {
  CHECK(rbc::runbook_ids({"runbooks/a.md", "runbooks/db/B c.md", "runbooks/db/b-c.md"}) ==
        std::vector<std::string>{"a", "db-b-c", "db-b-c-2"});
  CHECK(rbc::runbook_ids({"x/only.md"}) == std::vector<std::string>{"only"});
}

TEST_CASE("site: relative links to other runbooks of the build point at their pages") {
  rbc::FileResult f = rbc::test::lint(
      "# Auth\n\nSee [the DB runbook](../db/saturation.md#lock-storm), [keys](keys.md), "
      "[notes](notes.txt) and [unknown](missing.md).\n",
      "runbooks/auth/auth.md");
  std::map<std::string, std::string> pages = {{"runbooks/db/saturation.md", "db-saturation"},
                                              {"runbooks/auth/keys.md", "auth-keys"}};
  std::string html = rbc::site::render_runbook_page(
      rbc::site::SiteInfo{}, {f, "auth", {}, &pages});
  CHECK(html.find("href=\"db-saturation.html#lock-storm\"") != std::string::npos);
  CHECK(html.find("href=\"auth-keys.html\"") != std::string::npos);
  CHECK(html.find("href=\"notes.txt\"") != std::string::npos);
  CHECK(html.find("href=\"missing.md\"") != std::string::npos);
}
