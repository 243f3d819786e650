// Every rule's documented examples are tests: the bad one fires at its
// documented line and column, the good one produces none of that rule.
#include <doctest/doctest.h>

#include "linter/rule.h"
#include "test_support.h"

using namespace rbc;

TEST_CASE("every rule documents itself completely") {
  REQUIRE(!all_rules().empty());
  for (const Rule& rule : all_rules()) {
    INFO(rule.code);
    CHECK(rule.code.size() == 5);
    CHECK(rule.code.substr(0, 2) == "RB");
    CHECK(!rule.name.empty());
    CHECK(rule.name.find(' ') == std::string_view::npos);
    CHECK(!rule.summary.empty());
    CHECK(!rule.what.empty());
    CHECK(!rule.why.empty());
    CHECK(!rule.instead.empty());
    CHECK(!rule.bad.markdown.empty());
    CHECK(rule.bad.line > 0);
    CHECK(!rule.good.markdown.empty());
    CHECK((static_cast<bool>(rule.check) || rule.reported_by_pass));
  }
}

TEST_CASE("bad examples fire at their documented position, good ones do not") {
  for (const Rule& rule : all_rules()) {
    INFO(rule.code << " " << rule.name);
    FileResult bad = lint_bytes("example.md", std::string(rule.bad.markdown));
    auto found = test::positions(bad, std::string(rule.code));
    std::string expected = std::to_string(rule.bad.line) + ":" + std::to_string(rule.bad.column);
    CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    FileResult good = lint_bytes("example.md", std::string(rule.good.markdown));
    CHECK(test::with_code(good, std::string(rule.code)).empty());
  }
}
