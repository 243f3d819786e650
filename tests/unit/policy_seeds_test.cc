// The shared seed runbooks: what a team would want runbookc to tell them,
// pinned at line:column (review dates judged on 2026-11-23).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "linter/config.h"
#include "test_support.h"

using namespace rbc;
using test::list;
using test::positions;

namespace {
const std::filesystem::path kSeeds = RUNBOOKC_SOURCE_DIR "/../shared/seeds";

FileResult lint_seed(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(kSeeds))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      auto config = std::make_shared<Config>(Config::defaults());
      config->today = *parse_date("2026-11-23");
      return lint_bytes(entry.path().string(), text.str(), config);
    }
  FAIL("seed " << prefix << " missing");
  return {};
}
}  // namespace

TEST_CASE("seeds: secrets, broken anchor, mojibake, unfilled contacts, passed review dates") {
  if (!std::filesystem::exists(kSeeds)) {
    MESSAGE("../shared/seeds not found: skipped");
    return;
  }
  auto s000 = lint_seed("000_");
  CHECK(positions(s000, "RB407") == list({"1:3"}));
  CHECK(positions(s000, "RB405") == list({"472:6", "473:16", "474:19"}));
  CHECK(positions(s000, "RB406") == list({"506:19"}));

  auto s001 = lint_seed("001_");
  CHECK(positions(s001, "RB405") == list({"433:25", "434:22", "435:22", "436:28"}));

  auto s002 = lint_seed("002_");
  CHECK(positions(s002, "RB405") == list({"11:20", "12:25", "13:25"}));
  CHECK(positions(s002, "RB406") == list({"600:18"}));

  auto s003 = lint_seed("003_");
  CHECK(positions(s003, "RB301") == list({"81:6", "243:23"}));
  CHECK(positions(s003, "RB303") == list({"125:40"}));
  CHECK(positions(s003, "RB403") == list({"12:30"}));
  CHECK(positions(s003, "RB407") == list({"1:3"}));
  auto mojibake = test::with_code(s003, "RB407");
  REQUIRE(mojibake.size() == 1);
  CHECK(mojibake[0].help.find("did you mean '\xf0\x9f\x9a\xa8'") != std::string::npos);

  auto s004 = lint_seed("004_");
  CHECK(positions(s004, "RB405") == list({"365:25", "366:20", "367:12", "368:20"}));
}
