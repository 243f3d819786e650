// Facts that several back ends state about a runbook come from one place
// (compiler/model): the script, the page, runbooks.json and the findings
// agree on the title and on whether the review is overdue, and dates that
// are not days of the calendar are refused everywhere.
#include <doctest/doctest.h>

#include "compiler/base/date.h"
#include "compiler/emit/index/json_index.h"
#include "compiler/emit/script/script.h"
#include "compiler/emit/site/runbook_page.h"
#include "compiler/model/runbook_model.h"
#include "linter/config.h"
#include "test_support.h"

using namespace rbc;

namespace {

FileResult lint_on(const std::string& md, const std::string& path, const std::string& today) {
  auto config = std::make_shared<Config>(Config::defaults());
  config->today = *parse_iso_date(today);
  return lint_bytes(path, md, config);
}

std::string script_title(const FileResult& f) {
  std::string script = generate_script(f.runbook, f.diagnostics, -1, nullptr);
  size_t at = script.find("\nRB_TITLE=");
  REQUIRE(at != std::string::npos);
  return script.substr(at + 10, script.find('\n', at + 1) - at - 10);
}

std::string page_of(const FileResult& f) { return site::render_runbook_page(site::SiteInfo{}, {f, "id", {}}); }

}  // namespace

TEST_CASE("title: a runbook whose first heading is a level-2 section is titled by its file name everywhere") {
  FileResult f = lint_on("## Diagnosis\n\n```bash\nuptime\n```\n", "runbooks/no-h1.md", "2026-12-01");
  CHECK(f.model.title == "no-h1.md");
  CHECK(script_title(f) == "'no-h1.md'");
  CHECK(runbook_entry(f, "no-h1", {})["title"] == "no-h1.md");
  CHECK(page_of(f).find("<title>no-h1.md") != std::string::npos);
}

TEST_CASE("title: front matter, else the first level-1 heading, in the script and the index alike") {
  FileResult h1 = lint_on("## Before\n\n# Queue backlog\n\n```bash\nuptime\n```\n", "q.md", "2026-12-01");
  CHECK(h1.model.title == "Queue backlog");
  CHECK(script_title(h1) == "'Queue backlog'");
  CHECK(runbook_entry(h1, "q", {})["title"] == "Queue backlog");
  FileResult fm = lint_on("---\ntitle: Auth down\n---\n# Login fails\n\n```bash\nuptime\n```\n", "a.md", "2026-12-01");
  CHECK(script_title(fm) == "'Auth down'");
  CHECK(runbook_entry(fm, "a", {})["title"] == "Auth down");
}

TEST_CASE("review: RB406, the page's badge and runbooks.json agree, the default period included") {
  // No review_every: the configured default period (180 days) applies to all three.
  const std::string md = "---\nlast_reviewed: 2025-10-30\n---\n# Restore\n";
  FileResult f = lint_on(md, "r.md", "2026-12-01");  // due 2026-04-28, 217 days before
  REQUIRE(test::positions(f, "RB406") == test::list({"2:16"}));
  CHECK(test::with_code(f, "RB406")[0].message ==
        "last reviewed on 2025-10-30: with the default review period of 180 days the review is 217 days overdue; "
        "commands, hosts and contacts may have changed since");
  CHECK(f.model.review.days_overdue == 217);
  CHECK(f.model.review.due->iso() == "2026-04-28");
  CHECK(page_of(f).find("review overdue") != std::string::npos);
  ojson entry = runbook_entry(f, "r", {});
  CHECK(entry["review"]["due"] == "2026-04-28");
  CHECK(entry["review"]["days_overdue"] == 217);

  FileResult on_time = lint_on(md, "r.md", "2026-04-28");
  CHECK(test::with_code(on_time, "RB406").empty());
  CHECK(page_of(on_time).find("review overdue") == std::string::npos);
  CHECK(runbook_entry(on_time, "r", {})["review"]["days_overdue"] == 0);
}

TEST_CASE("review: next_review wins over last_reviewed; an unreadable period falls back to the default") {
  Metadata m;
  m.last_reviewed = "2026-01-01";
  m.review_every = "90d";
  ReviewStatus s = review_status(m, 180, *parse_iso_date("2026-04-02"));
  CHECK(s.basis == ReviewStatus::Basis::review_every);
  CHECK(s.due->iso() == "2026-04-01");
  CHECK(s.days_overdue == 1);
  m.review_every = "soon";
  s = review_status(m, 180, *parse_iso_date("2026-04-02"));
  CHECK(s.basis == ReviewStatus::Basis::default_period);
  CHECK(s.due->iso() == "2026-06-30");
  CHECK_FALSE(s.overdue());
  m.review_every = "100000y";  // due on the last representable day, not in a wrapped-around year
  s = review_status(m, 180, *parse_iso_date("2026-04-02"));
  CHECK(s.due->iso() == "9999-12-31");
  CHECK_FALSE(s.overdue());
  m.next_review = "2026-03-01";
  s = review_status(m, 180, *parse_iso_date("2026-04-02"));
  CHECK(s.basis == ReviewStatus::Basis::next_review);
  CHECK(s.days_overdue == 32);
}

TEST_CASE("dates: only real days of the calendar are dates") {
  CHECK_FALSE(parse_iso_date("2024-02-31").has_value());
  CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
  CHECK(parse_iso_date("2024-02-29")->iso() == "2024-02-29");
  CHECK_FALSE(parse_iso_date("2024-13-01").has_value());
  CHECK_FALSE(parse_iso_date("2024/01/01").has_value());  // the option wants YYYY-MM-DD
  CHECK(parse_date("2024/01/05")->iso() == "2024-01-05");  // front matter may use slashes
  CHECK(parse_date("2026-01-31T10:00")->iso() == "2026-01-31");
  CHECK_FALSE(parse_date("2026-01-311").has_value());
  CHECK(parse_date("1970-01-02")->days() == 1);
  CHECK(parse_period_days("2 weeks") == 14);
  CHECK(parse_period_days("6m") == 180);
  // A last_reviewed that is not a day gives no review status, so no RB406 and no badge.
  FileResult f = lint_on("---\nlast_reviewed: 2024-02-31\n---\n# R\n", "r.md", "2026-12-01");
  CHECK(test::with_code(f, "RB406").empty());
  CHECK_FALSE(f.model.review.due.has_value());
}

TEST_CASE("dates: --today must be a real day, for lint and build alike") {
  LintOptions options;
  options.today = "2024-02-31";
  LintRun run = lint_paths({RUNBOOKC_SOURCE_DIR "/runbooks"}, options);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0] == "--today wants a date as YYYY-MM-DD, not `2024-02-31`");
  CHECK(run.files.empty());
}

TEST_CASE("plain text: a heading's title reads the same in the IR, the document tree, the page's contents and runbooks.json") {
  // Code span, emphasis, a link, an image's alt text, an entity, raw HTML and a
  // setext heading's line break: the reader sees "Restart nginx now & docs logo here".
  const std::string md = "# T\n\nRestart `nginx` *now* &amp; [docs](https://example.com) ![logo](l.png) <b>here</b>\n"
                         "second line\n---\n\nBefore restarting, drain `web-1` **first**.\n\n```bash\nuptime\n```\n";
  FileResult f = lint_on(md, "p.md", "2026-12-01");
  REQUIRE(f.runbook.sections.size() == 2);
  const std::string expected = "Restart nginx now & docs logo here second line";
  CHECK(f.runbook.sections[1].title == expected);
  const DocNode* heading = nullptr;
  for (const DocNode& n : f.runbook.document.children)
    if (n.type == DocNode::Type::heading && n.section == 1) heading = &n;
  REQUIRE(heading != nullptr);
  CHECK(plain_text(*heading) == expected);
  CHECK(runbook_entry(f, "p", {})["sections"][1]["title"] == expected);
  CHECK(page_of(f).find(">Restart nginx now &amp; docs logo here second line</a>") != std::string::npos);
  // The script shows the paragraph before a step as its context, read the same way.
  std::string script = generate_script(f.runbook, f.diagnostics, -1, nullptr);
  CHECK(script.find("Before restarting, drain web-1 first.") != std::string::npos);
}
