// The danger rules on the shared seed runbooks: the dangerous steps the seeds
// contain are reported at their exact positions, and their read-only
// diagnosis commands are not.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

using namespace rbc;
using rbc::test::list;
using rbc::test::positions;

namespace {

std::filesystem::path seeds_dir() { return std::filesystem::path(RUNBOOKC_SOURCE_DIR) / ".." / "shared" / "seeds"; }

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Codes of every danger finding in the file, as "CODE@line:col".
std::vector<std::string> danger(const FileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.category == Category::danger)
      out.push_back(d.code + "@" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  return out;
}

}  // namespace

TEST_CASE("danger findings on the shared seeds") {
  if (!std::filesystem::exists(seeds_dir())) {
    MESSAGE("seeds folder " << seeds_dir().string() << " absent: skipped");
    return;
  }
  auto lint_seed = [](const char* name) { return test::lint(read(seeds_dir() / name), name); };

  SUBCASE("000: reboot, revert then deploy, FLUSHDB, terminate, UPDATE without WHERE") {
    FileResult r = lint_seed("000_f1d3f6f28b173534.txt");
    CHECK(positions(r, "RB262") == list({"40:5", "117:5"}));  // reboot-db-instance, modify --apply-immediately
    CHECK(positions(r, "RB289") == list({"46:1"}));           // git revert HEAD ... npm run deploy
    CHECK(positions(r, "RB250") == list({"59:11"}));          // redis-cli FLUSHDB
    CHECK(positions(r, "RB239") == list({"110:3"}));          // pg_terminate_backend over active queries
    CHECK(positions(r, "RB220") == list({"428:3"}));          // UPDATE users ... inside psql -c
    // Nothing else: the diagnosis steps (describe-db-instances, SELECT count(*),
    // pg_locks, logs tail) stay quiet.
    CHECK(danger(r) == list({"RB262@40:5", "RB289@46:1", "RB250@59:11", "RB239@110:3", "RB262@117:5",
                             "RB266@178:5", "RB265@384:5", "RB220@428:3"}));
  }
  SUBCASE("001: prisma migrate reset --force") {
    FileResult r = lint_seed("001_3e27746809ff8744.txt");
    CHECK(positions(r, "RB290") == list({"144:5"}));
    CHECK(danger(r) == list({"RB290@144:5"}));  // migrate status / resolve / deploy are quiet
  }
  SUBCASE("003: FLUSHDB") {
    FileResult r = lint_seed("003_dedb4a0bd5dc7993.txt");
    CHECK(positions(r, "RB250") == list({"93:11"}));
    // systemctl restart of the backend and of PostgreSQL: notes, to be declared.
    CHECK(danger(r) == list({"RB297@39:1", "RB250@93:11", "RB297@121:1"}));
  }
}
