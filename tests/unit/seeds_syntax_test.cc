// The five seed runbooks (real teams' documents, in ../shared/seeds): their
// placeholders and valid PostgreSQL must not produce syntax findings.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

using namespace rbc;

namespace {

const std::string kSeeds = std::string(RUNBOOKC_SOURCE_DIR) + "/../shared/seeds/";

std::optional<FileResult> lint_seed(const std::string& name) {
  std::ifstream in(kSeeds + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return lint_bytes(name, ss.str());
}

const Placeholder* placeholder_on_line(const FileResult& r, const std::string& name, uint32_t line) {
  for (const Step& s : r.runbook.steps)
    for (const Placeholder& p : s.facts.placeholders)
      if (p.name == name && r.runbook.source->position(p.span.begin).line == line) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("seeds: no syntax finding anywhere, placeholders recorded as parameters") {
  if (!std::filesystem::exists(kSeeds)) {
    MESSAGE("../shared/seeds not present; skipped");
    return;
  }
  for (const char* name : {"000_f1d3f6f28b173534.txt", "001_3e27746809ff8744.txt", "002_c1660d9b6b00a41a.txt",
                           "003_dedb4a0bd5dc7993.txt", "004_3e7bbbcd5a217659.txt"}) {
    INFO(name);
    auto r = lint_seed(name);
    REQUIRE(r.has_value());
    for (const char* code : {"RB001", "RB002", "RB003"}) CHECK(test::positions(*r, code).empty());
  }
  auto seed4 = lint_seed("004_3e7bbbcd5a217659.txt");
  const Placeholder* previous = placeholder_on_line(*seed4, "previous-version", 66);
  REQUIRE(previous != nullptr);
  CHECK(seed4->runbook.source->position(previous->span.begin).column == 21);
  const Placeholder* pid = placeholder_on_line(*seed4, "pid", 123);
  REQUIRE(pid != nullptr);
  CHECK(seed4->runbook.source->position(pid->span.begin).column == 52);
  auto seed2 = lint_seed("002_c1660d9b6b00a41a.txt");
  CHECK(placeholder_on_line(*seed2, "run-id", 406) != nullptr);
}

TEST_CASE("seeds: valid PostgreSQL yields statement facts") {
  auto seed0 = lint_seed("000_f1d3f6f28b173534.txt");
  if (!seed0) {
    MESSAGE("../shared/seeds not present; skipped");
    return;
  }
  std::vector<std::string> kinds;
  for (const Step& s : seed0->runbook.steps)
    for (const SqlStatement& st : s.facts.statements)
      if (seed0->runbook.source->position(st.span.begin).line >= 315 &&
          seed0->runbook.source->position(st.span.begin).line <= 322)
        kinds.push_back(st.kind + (st.concurrently ? "+concurrently" : ""));
  CHECK(kinds == test::list({"IndexStmt+concurrently", "IndexStmt+concurrently", "VacuumStmt"}));
}
