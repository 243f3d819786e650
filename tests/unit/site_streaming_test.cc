// `runbookc build` renders stale runbooks chunk by chunk and keeps only a
// compact record of each (its page and scripts are written as soon as it is
// done): the site must be what it always was, whatever the chunks and threads.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compiler/emit/output/runbook_summary.h"
#include "linter/driver.h"
#include "compiler/emit/index/json_index.h"
#include "compiler/cli/site_build.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "runbookc-stream-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  fs::remove(p);
  std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every file below `root` (hidden ones too) → its bytes.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[e.path().lexically_relative(root).string()] = read(e.path());
  return out;
}

std::string numbered(size_t i) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%03zu", i);
  return buf;
}

/// Runbook `i` of a generated tree: a step, and every fifth one a finding.
std::string runbook(size_t i) {
  std::string n = numbered(i);
  std::string step = i % 5 == 0 ? "kubectl delete namespace tenant-" + n : "systemctl restart worker-" + n;
  return "# Worker " + n + " stuck\n\n## Mitigation\n\n```bash\n" + step + "\n```\n";
}

rbc::site::BuildReport build(const fs::path& src, const fs::path& out, unsigned jobs) {
  rbc::site::BuildOptions o;
  o.paths = {src.string()};
  o.output = out.string();
  o.today = "2026-06-01";
  o.jobs = jobs;
  return rbc::site::build_site(o);
}

}  // namespace

TEST_CASE("site build: runbooks rendered in several chunks give the same site on one thread or two") {
  TempDir dir;
  fs::path src = dir.path / "src";
  const size_t count = 70;  // three chunks of stale runbooks
  for (size_t i = 0; i < count; ++i) write(src / ("w" + numbered(i) + ".md"), runbook(i));

  rbc::site::BuildReport one = build(src, dir.path / "one", 1);
  rbc::site::BuildReport two = build(src, dir.path / "two", 2);
  CHECK(one.rendered == count);
  CHECK(two.rendered == count);
  CHECK(two.worst == rbc::Severity::error);
  std::map<std::string, std::string> site = tree(dir.path / "one");
  CHECK(site == tree(dir.path / "two"));

  size_t pages = 0, scripts = 0;
  for (const auto& [path, bytes] : site) {
    pages += path.starts_with("runbooks/");
    scripts += path.starts_with("scripts/");
  }
  CHECK(pages == count);
  CHECK(scripts == count);
  CHECK(site["scripts/w041.sh"].find("systemctl restart worker-041") != std::string::npos);
  CHECK(site["runbooks/w069.html"].find("Worker 069 stuck") != std::string::npos);
  // The aggregates are rendered from every runbook's record: 14 findings, in path order.
  std::string lint = site["lint.json"];
  size_t findings = 0, at = 0, last = 0;
  bool ordered = true;
  while ((at = lint.find("\"code\": \"RB275\"", at)) != std::string::npos) ++findings, ++at;
  for (size_t i = 0; i < count; i += 5) {
    size_t where = lint.find("w" + numbered(i) + ".md");
    ordered = ordered && where != std::string::npos && where >= last;
    last = where;
  }
  CHECK(findings == 14);
  CHECK(ordered);
  size_t listed = 0;
  for (at = 0; (at = site["runbooks.json"].find("\"id\": \"w", at)) != std::string::npos; ++at) ++listed;
  CHECK(listed == count);

  // One runbook of the middle chunk changed: only it is rendered, and the
  // site is the one a build from scratch writes.
  write(src / "w040.md", runbook(40) + "\nRestart it twice if needed.\n");
  rbc::site::BuildReport again = build(src, dir.path / "one", 2);
  CHECK(again.rendered == 1);
  CHECK(again.reused == count - 1);
  build(src, dir.path / "fresh", 1);
  CHECK(tree(dir.path / "one") == tree(dir.path / "fresh"));
  CHECK(read(dir.path / "one" / "runbooks/w040.html").find("Restart it twice if needed.") != std::string::npos);
}

TEST_CASE("site build: the aggregate pages read a summary that round-trips through its cached form exactly") {
  rbc::FileResult f = rbc::lint_bytes("caf\xc3\xa9.md",
                                      "---\nowner: team-\xc3\xa9t\xc3\xa9\nseverity: 2\nalerts: [DiskFull]\n---\n"
                                      "# Disk full \xf0\x9f\x94\xa5\n\n## Mitigation\n\n```bash\nkubectl delete namespace logs\n```\n");
  rbc::RunbookSummary summary = rbc::summarize(f, "cafe");
  std::string bytes = rbc::summary_bytes(summary);
  std::optional<rbc::RunbookSummary> back = rbc::summary_from_bytes(bytes);
  REQUIRE(back.has_value());
  CHECK(rbc::summary_bytes(*back) == bytes);
  CHECK(back->title == "Disk full \xf0\x9f\x94\xa5");
  CHECK(back->metadata.owner == "team-\xc3\xa9t\xc3\xa9");
  CHECK(back->metadata.alerts == std::vector<std::string>{"DiskFull"});
  CHECK(back->alert_anchors == std::vector<std::pair<std::string, std::string>>{{"DiskFull", ""}});
  REQUIRE(back->findings.size() == 1);
  CHECK(back->findings[0].code == "RB275");
  CHECK(back->findings[0].start.line == 11);
  CHECK(back->findings[0].start.column == 16);
  CHECK(back->findings[0].message == summary.findings[0].message);
  CHECK_FALSE(rbc::summary_from_bytes("not cbor").has_value());
}

TEST_CASE("FileLinter: lints one chosen file at a time; excluded files and bad configurations lint none") {
  TempDir dir;
  fs::path good = dir.path / "good", bad = dir.path / "bad";
  write(good / ".runbookc.yaml", "exclude: [\"skip.md\"]\n");
  write(good / "a.md", "# Namespace\n\n```bash\nkubectl delete namespace payments\n```\n");
  write(good / "skip.md", "# Skipped\n");
  std::vector<std::string> files = {(good / "a.md").string(), (good / "skip.md").string(), (good / "gone.md").string()};
  rbc::FileLinter linter(files, rbc::LintOptions{});
  CHECK(linter.errors().empty());
  std::optional<rbc::FileResult> a = linter.lint(0);
  REQUIRE(a);
  CHECK(a->path == files[0]);
  CHECK(a->error.empty());
  REQUIRE(a->diagnostics.size() == 1);
  CHECK(a->diagnostics[0].code == "RB275");
  CHECK(a->diagnostics[0].start.line == 4);
  CHECK(a->diagnostics[0].start.column == 16);
  CHECK_FALSE(linter.lint(1));
  std::optional<rbc::FileResult> gone = linter.lint(2);
  REQUIRE(gone);
  CHECK(gone->error == files[2] + ": cannot open: No such file or directory");

  write(bad / ".runbookc.yaml", "rules: [\n");
  write(bad / "b.md", "# B\n");
  rbc::FileLinter broken({(bad / "b.md").string()}, rbc::LintOptions{});
  REQUIRE(broken.errors().size() == 1);
  CHECK(broken.errors()[0].starts_with((bad / ".runbookc.yaml").string() + ":2: invalid YAML"));
  CHECK_FALSE(broken.lint(0));
}
