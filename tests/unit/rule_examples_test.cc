// Every rule's documented examples are tests: the bad one fires at its
// documented line and column, the good one produces none of that rule.
#include <doctest/doctest.h>

#include <algorithm>

#include "linter/rule.h"
#include "linter/rule_examples.h"
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
    CHECK((rule.has_check() || rule.reported_by_pass));
  }
}

TEST_CASE("bad examples fire at their documented position, good ones do not") {
  for (const Rule& rule : all_rules()) {
    INFO(rule.code << " " << rule.name);
    std::string error;
    auto config = example_config(rule, error);
    REQUIRE_MESSAGE(config != nullptr, error);
    std::vector<std::string> found;
    for (const Diagnostic& d : example_findings(rule, rule.bad.markdown, config))
      found.push_back(std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
    std::string expected = std::to_string(rule.bad.line) + ":" + std::to_string(rule.bad.column);
    CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    CHECK(example_findings(rule, rule.good.markdown, config).empty());
  }
}
