// Every rule's documented examples are tests: the bad one fires at its
// documented line and column, the good one produces none of that rule.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "linter/config.h"
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
    CHECK((rule.has_check() || rule.reported_by_pass));
  }
}

/// The configuration a rule's examples assume (most need none).
std::shared_ptr<const Config> example_config(const Rule& rule) {
  if (rule.example_config.empty()) return default_config();
  auto path = std::filesystem::temp_directory_path() / ("runbookc-example-" + std::string(rule.code) + ".yaml");
  std::ofstream(path) << rule.example_config;
  std::string error;
  auto config = load_config(path.string(), error);
  std::filesystem::remove(path);
  REQUIRE_MESSAGE(config.has_value(), error);
  return std::make_shared<const Config>(*config);
}

TEST_CASE("bad examples fire at their documented position, good ones do not") {
  for (const Rule& rule : all_rules()) {
    INFO(rule.code << " " << rule.name);
    auto config = example_config(rule);
    FileResult bad = lint_bytes("example.md", std::string(rule.bad.markdown), config);
    auto found = test::positions(bad, std::string(rule.code));
    std::string expected = std::to_string(rule.bad.line) + ":" + std::to_string(rule.bad.column);
    CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    FileResult good = lint_bytes("example.md", std::string(rule.good.markdown), config);
    CHECK(test::with_code(good, std::string(rule.code)).empty());
  }
}
