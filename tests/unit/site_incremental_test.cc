// Incremental builds: whatever happened before, a build writes the bytes a
// build from scratch would, and reuses what it safely can.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compiler/cli/site_build.h"

namespace fs = std::filesystem;
using rbc::site::BuildOptions;
using rbc::site::BuildReport;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "runbookc-test-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  fs::remove(p);  // a new inode, as an editor that renames would make
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

std::vector<std::string> paths_under(const fs::path& root, const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : tree(root))
    if (path.starts_with(dir)) out.push_back(path);
  return out;
}

/// Three runbooks (two with steps) in src/, built into site/.
struct Project {
  TempDir dir;
  fs::path src = dir.path / "src", site = dir.path / "site";
  std::string today = "2026-06-01", title = "Runbooks";

  Project() {
    write(src / "db.md", "# Database failover\n\n## Mitigation\n\n```bash\npg_ctl promote -D /var/lib/postgresql\n```\n");
    write(src / "web.md", "# Web 500s\n\n## Diagnosis\n\n```bash\ncurl -sf https://example.com/health\n```\n");
    write(src / "notes.md", "# Notes\n\nNo steps here.\n");
  }
  BuildReport build(const fs::path& out) const {
    BuildOptions o;
    o.paths = {src.string()};
    o.output = out.string();
    o.today = today;
    o.info.title = title;
    o.jobs = 1;
    return rbc::site::build_site(o);
  }
  BuildReport build() const { return build(site); }
  /// What a build from scratch of the same sources writes.
  std::map<std::string, std::string> fresh() const {
    fs::path out = dir.path / "fresh";
    fs::remove_all(out);
    fs::remove_all(dir.path / ".fresh.runbookc");
    build(out);
    return tree(out);
  }
  fs::path prev() const { return dir.path / ".site.runbookc" / "prev"; }
};

}  // namespace

TEST_CASE("site build: the first build writes the site and a manifest; nothing is kept beside it yet") {
  Project p;
  BuildReport r = p.build();
  CHECK(r.runbooks == 3);
  CHECK(r.rendered == 3);
  CHECK(r.reused == 0);
  CHECK(paths_under(p.site, "runbooks/") ==
        std::vector<std::string>{"runbooks/db.html", "runbooks/notes.html", "runbooks/web.html"});
  CHECK(paths_under(p.site, "scripts/") == std::vector<std::string>{"scripts/db.sh", "scripts/web.sh"});
  CHECK(read(p.site / ".runbookc-manifest").starts_with("runbookc-manifest 1\n"));
  CHECK(read(p.site / ".runbookc-manifest").find(" x scripts/db.sh\n") != std::string::npos);
  CHECK_FALSE(fs::exists(p.prev()));
}

TEST_CASE("site build: the next build reuses every runbook and keeps the generation it replaced") {
  Project p;
  p.build();
  BuildReport r = p.build();
  CHECK(r.rendered == 0);
  CHECK(r.reused == 3);
  CHECK(fs::exists(p.prev() / ".runbookc-manifest"));
  CHECK(tree(p.prev()) == tree(p.site));  // nothing changed: the previous generation holds the same files
  CHECK(p.build().rendered == 0);         // and builds from it
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a changed runbook is rendered again; the site equals a build from scratch") {
  Project p;
  p.build();
  p.build();
  write(p.src / "web.md", "# Web 500s\n\nCheck the load balancer first.\n\n## Diagnosis\n\n```bash\ncurl -sf https://example.com/health\n```\n");
  BuildReport r = p.build();
  CHECK(r.rendered == 1);
  CHECK(r.reused == 2);
  CHECK(read(p.site / "runbooks/web.html").find("Check the load balancer first.") != std::string::npos);
  CHECK(tree(p.site) == p.fresh());
  CHECK(p.build().rendered == 0);
  CHECK(tree(p.site) == p.fresh());  // built from the generation before the change
}

TEST_CASE("site build: a runbook rewritten with the same size right after a build is seen") {
  Project p;
  p.build();
  p.build();
  std::string before = read(p.src / "db.md");
  std::string after = before;
  after.replace(after.find("promote"), 7, "PROMOTE");
  write(p.src / "db.md", after);  // same size, probably the same timestamp tick
  CHECK(p.build().rendered == 1);
  CHECK(read(p.site / "scripts/db.sh").find("PROMOTE") != std::string::npos);
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a deleted runbook's page and scripts disappear; an added one appears") {
  Project p;
  p.build();
  p.build();
  fs::remove(p.src / "db.md");
  p.build();  // the set of runbooks is part of every page's key: all rendered again
  CHECK_FALSE(fs::exists(p.site / "runbooks/db.html"));
  CHECK_FALSE(fs::exists(p.site / "scripts/db.sh"));
  CHECK(read(p.site / "runbooks.json").find("\"id\": \"db\"") == std::string::npos);
  CHECK(tree(p.site) == p.fresh());

  fs::remove(p.src / "web.md");
  p.build();
  CHECK_FALSE(fs::exists(p.site / "scripts"));  // no script left: no empty folder either
  CHECK(tree(p.site) == p.fresh());

  write(p.src / "db.md", "# Database failover\n\n```bash\necho back\n```\n");
  CHECK(p.build().rendered == 2);
  CHECK(fs::exists(p.site / "scripts/db.sh"));
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: title, today and configuration changes render what depends on them") {
  Project p;
  p.build();
  p.title = "Payments";
  CHECK(p.build().rendered == 3);
  CHECK(read(p.site / "index.html").find("Payments") != std::string::npos);
  CHECK(p.build().rendered == 0);
  p.today = "2027-01-01";
  CHECK(p.build().rendered == 3);
  write(p.src / ".runbookc.yaml", "rules: {RB201: off}\n");
  CHECK(p.build().rendered == 3);
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a build that died while updating the previous generation leaves nothing reused") {
  Project p;
  p.build();
  p.build();
  // A build claims the previous generation by renaming it to its staging
  // name; dying there leaves it half updated under that name.
  fs::path leftover = p.dir.path / ".site.runbookc" / "build-dead01";
  fs::rename(p.prev(), leftover);
  write(leftover / "runbooks/web.html", "half written");
  write(p.src / "notes.md", "# Notes\n\nStill no steps.\n");
  CHECK(p.build().rendered == 1);
  CHECK_FALSE(fs::exists(leftover));
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a previous generation without a valid manifest is emptied, not trusted") {
  Project p;
  p.build();
  p.build();
  write(p.prev() / "runbooks/web.html", "stale");
  write(p.prev() / ".runbookc-manifest", "runbookc-manifest 1\ncut sho");
  CHECK(p.build().rendered == 0);
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: files deleted or added by hand in the site are put right") {
  Project p;
  p.build();
  p.build();
  fs::remove(p.site / "runbooks/web.html");
  write(p.site / "notes.txt", "mine");
  p.build();
  CHECK(tree(p.site) == p.fresh());
  p.build();  // from the generation the hand edits were made in
  CHECK(tree(p.site) == p.fresh());
  fs::remove(p.site / "scripts/db.sh");
  fs::remove(p.prev() / "scripts/db.sh");
  p.build();
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a cache changed by hand is not trusted, nor the files that share its inode") {
  Project p;
  p.build();
  p.build();
  p.build();
  {
    std::ofstream damage(p.site / ".runbookc-cache", std::ios::binary | std::ios::in | std::ios::out);
    damage.seekp(40);
    damage << "garbage";  // written in place: the previous generation holds the same inode
  }
  CHECK(p.build().rendered == 3);
  CHECK(tree(p.site) == p.fresh());
  CHECK(p.build().rendered == 0);
  CHECK(p.build().rendered == 0);
  CHECK(tree(p.site) == p.fresh());
}

TEST_CASE("site build: a directory runbookc did not build is refused and left as it was") {
  Project p;
  write(p.site / "keep.txt", "precious");
  CHECK_THROWS_AS(p.build(), std::runtime_error);
  CHECK(tree(p.site) == std::map<std::string, std::string>{{"keep.txt", "precious"}});
  fs::remove(p.site / "keep.txt");  // an empty directory is taken
  CHECK(p.build().rendered == 3);
  CHECK(tree(p.site) == p.fresh());
}
