// Words a user types: rule selectors in any case, typos of commands and flags.
#include <doctest/doctest.h>

#include "compiler/base/edit_distance.h"
#include "linter/rule.h"

using namespace rbc;

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("lnt", "lint") == 1);
  CHECK(edit_distance("--formt", "--format") == 1);
  CHECK(edit_distance("biuld", "build") == 2);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("closest_match suggests only a plausible typo") {
  std::vector<std::string> commands{"lint", "rules", "explain", "build", "index", "script", "init", "hook"};
  CHECK(closest_match("lnt", commands) == std::optional<std::string>("lint"));
  CHECK(closest_match("biuld", commands) == std::optional<std::string>("build"));
  CHECK(closest_match("scirpt", commands) == std::optional<std::string>("script"));
  CHECK_FALSE(closest_match("frobnicate", commands).has_value());
  CHECK_FALSE(closest_match("x", commands).has_value());  // one letter is a typo of nothing
  CHECK(closest_match("--colr", {"--color", "--config", "--format"}) == std::optional<std::string>("--color"));
}

TEST_CASE("rule selectors are read in any case") {
  CHECK(canonical_rule_selector("rb301") == "RB301");
  CHECK(canonical_rule_selector("Rb3") == "RB3");
  CHECK(canonical_rule_selector("rb") == "RB");
  CHECK(canonical_rule_selector("Bash-Syntax") == "bash-syntax");
  CHECK(canonical_rule_selector("all") == "ALL");
  CHECK(canonical_rule_selector("rbx-name") == "rbx-name");
  REQUIRE(find_rule("rb001") != nullptr);
  CHECK(find_rule("rb001")->code == "RB001");
  REQUIRE(find_rule("SECRET-PRINTED") != nullptr);
  CHECK(find_rule("SECRET-PRINTED")->code == "RB301");
  CHECK(find_rule("rb9999") == nullptr);
}
