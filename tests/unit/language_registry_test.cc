// The language table: each fence tag names one language, and the analysis,
// the highlighter and the scripts read what its entry says.
#include <doctest/doctest.h>

#include <set>

#include "compiler/languages/language_registry.h"
#include "compiler/model/step_text.h"
#include "test_support.h"

using namespace rbc;

TEST_CASE("a fence tag names its language's entry") {
  CHECK(language_for_tag("zsh")->kind == BlockKind::shell);
  CHECK(language_for_tag("shell-session")->kind == BlockKind::console);
  CHECK(language_for_tag("pgsql")->kind == BlockKind::postgres);
  CHECK(language_for_tag("mariadb")->kind == BlockKind::mysql);
  CHECK(language_for_tag("redis-cli")->kind == BlockKind::redis);
  CHECK(language_for_tag("yaml") == nullptr);
  CHECK(language_for_tag("fish") == nullptr);  // not bash's syntax
  CHECK(language_for_tag("") == nullptr);
}

TEST_CASE("no tag names two languages, and every kind but none and other has one entry") {
  std::set<std::string_view> tags;
  std::set<BlockKind> kinds;
  for (const Language& language : all_languages()) {
    INFO(language.name);
    CHECK(kinds.insert(language.kind).second);
    CHECK(language_of(language.kind) == &language);
    for (std::string_view tag : language.tags) CHECK(tags.insert(tag).second);
  }
  CHECK(kinds.size() == 6);
  CHECK(language_of(BlockKind::none) == nullptr);
  CHECK(language_of(BlockKind::other) == nullptr);
}

TEST_CASE("what an entry says is what the analysis, the highlighter and the scripts do") {
  const Language* mysql = language_for_tag("mysql");
  CHECK(mysql->analyzer == Analyzer::mysql);
  CHECK(mysql->highlight == Grammar::sql);
  CHECK(mysql->runner == "mysql");
  CHECK(language_for_tag("redis")->highlight == std::nullopt);
  // The kind and runner of a block in each language, through the whole pipeline.
  auto r = test::lint("# T\n\n```zsh\nls\n```\n\n```psql\nSELECT 1;\n```\n\n```mariadb\nSELECT 1;\n```\n\n"
                      "```redis\nPING\n```\n\n```yaml\na: 1\n```\n");
  REQUIRE(r.runbook.steps.size() == 5);
  std::vector<std::string> runners;
  for (const Step& step : r.runbook.steps) runners.push_back(render_step(step).runner);
  CHECK(runners == std::vector<std::string>{"shell", "psql", "mysql", "redis", "show"});
  CHECK(r.runbook.steps[4].kind == BlockKind::other);
  CHECK(r.runbook.steps[2].facts.sql.at(0).mysql);
}
