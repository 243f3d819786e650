// Post-rule passes and configuration: declared danger, suppressions (RB410,
// RB411), .runbookc.yaml loading with its errors, --select/--ignore.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "linter/config_resolution.h"
#include "linter/driver.h"
#include "linter/config.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

TEST_CASE("declared danger: fence attribute and section comment turn secret findings into notes") {
  auto r = test::lint("# T\n\n```bash {danger=\"throwaway dev key\"}\necho $API_TOKEN\n```\n\n"
                      "## Rotate\n<!-- runbookc-danger reason=\"shown on the bastion only\" -->\n\n### Sub\n\n"
                      "```bash\necho $JWT_SECRET\n```\n\n## Other\n\n```bash\necho $JWT_SECRET\n```\n");
  auto d = test::with_code(r, "RB301");
  REQUIRE(d.size() == 3);
  CHECK(d[0].start.line == 4);
  CHECK(d[0].severity == Severity::note);
  CHECK(d[0].declared);
  CHECK(d[0].message.find("(declared: throwaway dev key)") != std::string::npos);
  CHECK(d[1].start.line == 13);
  CHECK(d[1].declared);
  CHECK(d[1].message.find("(declared: shown on the bastion only)") != std::string::npos);
  CHECK(d[2].start.line == 19);
  CHECK(!d[2].declared);
  CHECK(d[2].severity == Severity::error);
  CHECK(r.runbook.steps[1].declared_danger == "shown on the bastion only");
  CHECK(r.runbook.steps[2].declared_danger.empty());
}

TEST_CASE("suppression comments: range, next block, file, code lines; reasons and unused ones") {
  std::string md =
      "# T\n\n"
      "<!-- runbookc-disable RB301 reason=\"demo box\" -->\n"          // 3
      "```bash\necho $JWT_SECRET\n```\n"                                // 4-6
      "<!-- runbookc-enable RB301 -->\n"                                // 7
      "```bash\necho $JWT_SECRET\n```\n"                                // 8-10: reported
      "<!-- runbookc-disable-next-block secret-printed -->\n"          // 11: hides an error without reason
      "```bash\necho $API_TOKEN\n```\n"                                 // 12-14
      "```bash\n# runbookc: disable=RB301 reason=\"x\"\necho $API_TOKEN\necho $API_TOKEN # runbookc: disable=RB301\n"
      "echo $API_TOKEN\n```\n"                                          // 15-20: line 19 reported
      "<!-- runbookc-disable-next-block RB403 reason=\"old\" -->\n"    // 21: unused
      "<!-- runbookc-disable RB999 -->\n";                              // 22: names no rule
  auto r = test::lint(md);
  CHECK(positions(r, "RB301") == list({"9:6", "19:6"}));
  CHECK(positions(r, "RB410") == list({"11:1", "18:17"}));
  CHECK(positions(r, "RB411") == list({"21:1", "22:1"}));
  auto file = test::lint("<!-- runbookc-disable-file RB301,RB409 -->\n# T\n\n```bash\necho $JWT_SECRET\n```\n");
  CHECK(positions(file, "RB301").empty());
  CHECK(positions(file, "RB409").empty());
  CHECK(positions(file, "RB410") == list({"1:1"}));
  auto sql = test::lint("# T\n\n```bash\n# runbookc: disable=RB404\nls\n```\n");
  CHECK(positions(sql, "RB411") == list({"4:1"}));
}

namespace {
std::string write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}
}  // namespace

TEST_CASE("configuration: rules off and severities, required sections, secret names, errors with lines") {
  auto dir = std::filesystem::temp_directory_path() / ("runbookc-config-" + std::to_string(::getpid()));
  std::string good = write(dir / ".runbookc.yaml",
                           "rules:\n  RB301: warning\n  missing-severity: off\nsecret_names: [SESAME]\n"
                           "required_sections:\n  Rollback: [Revert]\nprotected_branches: [trunk]\n"
                           "exclude: [\"drafts/*\"]\nreview_period: 30d\n");
  CHECK(find_config_file((dir / "team" / "db").string()) == good);
  std::string error;
  auto config = load_config(good, error);
  REQUIRE(config);
  CHECK(config->protected_branches == std::vector<std::string>{"trunk"});
  CHECK(config->review_period_days == 30);
  CHECK(config->is_secret_name("open_sesame"));
  CHECK(!config->is_secret_name("JWT_SECRET"));
  CHECK(config->excluded((dir / "drafts" / "x.md").string()));
  CHECK(!config->excluded((dir / "x.md").string()));
  auto shared = std::make_shared<Config>(*config);
  auto r = lint_bytes("t.md", "# Runbook\n\n```bash\necho $OPEN_SESAME\necho $JWT_SECRET\n```\n", shared);
  auto d = test::with_code(r, "RB301");
  REQUIRE(d.size() == 1);
  CHECK(d[0].start.line == 4);
  CHECK(d[0].severity == Severity::warning);
  CHECK(positions(r, "RB409").empty());

  auto bad = [&](const std::string& text) {
    std::string e;
    CHECK(!load_config(write(dir / "bad.yaml", text), e));
    return e;
  };
  CHECK(bad("rules:\n  RB301: loud\n") == (dir / "bad.yaml").string() + ":2: bad setting `loud` for RB301: use off, on, note, warning or error");
  CHECK(bad("rules:\n  RB999: off\n").find(":2: unknown rule `RB999`") != std::string::npos);
  CHECK(bad("rules: [\n").find(":2: invalid YAML") != std::string::npos);
  CHECK(bad("colour: red\n").find(":1: unknown key `colour`") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("--select and --ignore by code, prefix or name; --today") {
  LintOptions options;
  options.select = {"RB3"};
  options.ignore = {"secret-printed"};
  options.today = "2026-11-23";
  CHECK(check_cli_overrides(options).empty());
  auto config = std::make_shared<Config>(Config::defaults());
  config->select = options.select;
  config->ignore = options.ignore;
  auto r = lint_bytes("t.md", "# T\n\n```bash\necho $JWT_SECRET\nenv\n```\n", config);
  CHECK(positions(r, "RB301").empty());
  CHECK(positions(r, "RB302") == list({"5:1"}));
  CHECK(positions(r, "RB409").empty());
  options.select = {"RB9"};
  CHECK(!check_cli_overrides(options).empty());
  options.select = {};
  options.today = "23/11/2026";
  CHECK(!check_cli_overrides(options).empty());
}

TEST_CASE("collect_runbooks: *.md under directories, sorted, each file once; hidden directories, node_modules and directory links skipped") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("runbookc-collect-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const char* sub : {"b", "a/deep", ".git", "node_modules/pkg", "target"}) fs::create_directories(dir / sub);
  for (const char* file : {"b/z.md", "a/deep/y.md", "a/x.md", ".git/h.md", "node_modules/pkg/n.md", "a/notes.txt",
                           "a/.md", "target/t.md"})
    std::ofstream(dir / file) << "# T\n";
  fs::create_directory_symlink(dir / "target", dir / "a" / "linked-dir");
  fs::create_symlink(dir / "target" / "t.md", dir / "a" / "linked.md");
  LintRun run;
  std::string root = dir.string();
  std::vector<std::string> files = collect_runbooks({root, root + "/a/", root + "/a/x.md"}, run);
  CHECK(files == std::vector<std::string>{root + "/a/deep/y.md", root + "/a/linked.md", root + "/a/x.md",
                                          root + "/b/z.md", root + "/target/t.md"});
  CHECK(run.errors.empty());
  fs::remove_all(dir);
}
