// Structure rules (RB403-RB409): exact positions and look-alikes that must not fire.
#include <doctest/doctest.h>

#include <fstream>

#include <filesystem>

#include "linter/config.h"
#include "linter/mojibake.h"
#include "linter/rule.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

namespace {
FileResult lint_on(const std::string& md, const std::string& today) {
  auto config = std::make_shared<Config>(Config::defaults());
  config->today = *parse_date(today);
  return lint_bytes("t.md", md, config);
}
}  // namespace

TEST_CASE("RB403 broken-anchor-link: GitHub slugs, dashed slugs, html ids") {
  auto r = test::lint("# Runbook\n\n- [Post](#post-incident)\n- [Ok](#rollback-steps)\n- [GOV](#gov-uk-teams)\n"
                      "- [Id](#custom)\n- [Web](https://x.org/#nothing)\n- [Case](#Rollback-Steps)\n\n"
                      "## Rollback steps\n\n## GOV.UK teams\n\n<a id=\"custom\"></a>\n");
  CHECK(positions(r, "RB403") == list({"3:10"}));
}

TEST_CASE("RB404 untagged-code-block: shell or SQL without a language") {
  auto r = test::lint("# T\n\n```\nrm -rf /var/cache/app\n```\n\n```\nSELECT 1 FROM users WHERE id = 4;\n```\n\n"
                      "```\nsome output line\n```\n\n```bash\nls\n```\n");
  CHECK(positions(r, "RB404") == list({"3:1", "7:1"}));
}

TEST_CASE("RB405 unfilled-placeholder: contacts, not links, task lists or templates elsewhere") {
  auto r = test::lint("# T\n\n- [ ] restart\n- [x] drain\n- [Dashboard](https://grafana)\n"
                      "Message: [Brief Description]\nAsk <your-team> first.\n\n"
                      "## Escalation\n\n- **On-call Engineer**: [Contact Info]\n- **CTO**: jane@example.com\n"
                      "- Security: TBD\n- See `grep [a-z]`\n\n```\nCTO: [email]\n```\n");
  CHECK(positions(r, "RB405") == list({"7:5", "11:25", "13:13", "17:6"}));
}

TEST_CASE("RB406 review-overdue: front matter period, in-body dates, default period") {
  std::string fm = "---\nlast_reviewed: 2025-01-14\nreview_every: 90d\n---\n# Restore\n";
  CHECK(positions(lint_on(fm, "2025-04-14"), "RB406").empty());
  CHECK(positions(lint_on(fm, "2025-04-15"), "RB406") == list({"2:16"}));
  std::string body = "# Runbook\n\n**Last Updated**: 2025-01-30\n";
  CHECK(positions(lint_on(body, "2025-07-29"), "RB406").empty());  // 180 days
  CHECK(positions(lint_on(body, "2025-07-30"), "RB406") == list({"3:19"}));
  std::string next = "# Runbook\n\n**Last Updated:** 2025-11-01\n\n**Next Review:** 2025-12-01\n";
  CHECK(positions(lint_on(next, "2025-12-02"), "RB406") == list({"5:18"}));
  CHECK(positions(lint_on(next, "2025-12-01"), "RB406").empty());
}

TEST_CASE("RB407 double-encoded-utf8: MacRoman and Windows-1252 mojibake, once per file with a repair") {
  auto r = test::lint("# \xef\xa3\xbf\xc3\xbc\xc3\xb6\xc2\xae Runbook\n\n### Sympt\xe2\x88\x9a\xc2\xa5mes\n");
  CHECK(positions(r, "RB407") == list({"1:3"}));
  auto d = test::with_code(r, "RB407");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("2 lines") != std::string::npos);
  CHECK(repair_mojibake("Sympt\xe2\x88\x9a\xc2\xa5mes") == "Sympt\xc3\xb4mes");
  CHECK(repair_mojibake("caf\xc3\x83\xc2\xa9") == "caf\xc3\xa9");  // Windows-1252: "cafÃ©"
  // Legitimate accents and symbols are not mojibake.
  CHECK(positions(test::lint("# Caf\xc3\xa9 \xc2\xab \xc3\x89quipe \xc2\xbb \xe2\x80\x94 ok \xe2\x86\x92 \xf0\x9f\x9a\xa8\n"), "RB407").empty());
}

TEST_CASE("RB408 missing-required-section: only when configured; aliases, French, emoji and numbering ignored") {
  CHECK(positions(test::lint("# DB alert\n\n## Symptoms\n\n## Graphs\n"), "RB408").empty());  // not configured
  auto path = std::filesystem::temp_directory_path() / "runbookc-rb408.yaml";
  std::ofstream(path) << "required_sections: [Symptoms, Mitigation]\n";
  std::string error;
  auto loaded = load_config(path.string(), error);
  std::filesystem::remove(path);
  REQUIRE(loaded.has_value());
  auto config = std::make_shared<const Config>(*loaded);
  auto lint = [&](const std::string& md) { return lint_bytes("t.md", md, config); };
  CHECK(positions(lint("# DB alert\n\n## Symptoms\n\n## Graphs\n"), "RB408") == list({"1:1"}));
  CHECK(positions(lint("# DB alert\n\n## Meaning\n\n## Impact\n\n## Mitigation\n"), "RB408").empty());
  CHECK(positions(lint("# Panne incident\n\n## \xf0\x9f\x94\x8d 1. Sympt\xc3\xb4mes\n\n## Actions (Imm\xc3\xa9" "diates)\n"), "RB408").empty());
  CHECK(positions(lint("# Panne incident\n\n## Sympt\xe2\x88\x9a\xc2\xa5mes\n\n## R\xc3\xa9solution\n"), "RB408").empty());
  CHECK(positions(lint("# How to set up a laptop\n\n## Troubleshooting\n"), "RB408").empty());  // not a runbook
  CHECK(positions(lint("# README\n\n## Contributing\n"), "RB408").empty());
}

TEST_CASE("RB409 missing-severity: opt-in; then a note at the title") {
  CHECK(positions(test::lint("Intro\n\n# Queue backlog\n", "runbooks/queue.md"), "RB409").empty());  // off by default
  std::string error;
  auto parsed = parse_config("rules: {rb409: note}\n", "opt-in.yaml", error);
  REQUIRE(parsed.has_value());
  auto config = std::make_shared<const Config>(*parsed);
  auto lint = [&](const std::string& md, const std::string& path) { return lint_bytes(path, md, config); };
  auto r = lint("Intro\n\n# Queue backlog\n", "runbooks/queue.md");
  CHECK(positions(r, "RB409") == list({"3:1"}));
  CHECK(test::with_code(r, "RB409")[0].severity == Severity::note);
  CHECK(positions(lint("---\nseverity: P2\n---\n# Queue\n", "runbooks/queue.md"), "RB409").empty());
  CHECK(positions(lint("# Laptop setup\n", "docs/laptop.md"), "RB409").empty());  // not a runbook
  CHECK(positions(lint("# Our runbooks\n", "runbooks/README.md"), "RB409").empty());  // introduces them
  CHECK(positions(lint("# Queue alert\n\n**Severity:** P1\n", "t.md"), "RB409").empty());
  // --select naming it turns it on too; a prefix alone does not.
  const Rule* rb409 = rbc::find_rule("RB409");
  REQUIRE(rb409 != nullptr);
  Config selected = Config::defaults();
  CHECK_FALSE(selected.enabled(*rb409));
  selected.select = {"RB4"};
  CHECK_FALSE(selected.enabled(*rb409));
  selected.select = {"RB4", "missing-severity"};
  CHECK(selected.enabled(*rb409));
}

TEST_CASE("autolinks are for the HTML only: lint parses without them and finds the same") {
  std::string md = "# DB\n\nSee https://status.example.com for news.\n\n## Escalation\n\n"
                   "- **On-call:** [https://status.example.com]\n- [runbook-index]\n\n[runbook-index]: https://example.com/i\n";
  Runbook linked = parse_runbook("t.md", md);
  Runbook plain = parse_runbook("t.md", md, ParseOptions{.autolink = false});
  CHECK(linked.links.size() == 2);  // the bare URL and the reference link
  CHECK(plain.links.size() == 1);
  auto with = lint_bytes("t.md", md, default_config());
  auto without = lint_bytes("t.md", md, default_config(), ParseOptions{.autolink = false});
  CHECK(test::positions(with, "RB405") == test::list({"7:16"}));
  CHECK(test::positions(without, "RB405") == test::list({"7:16"}));
}
