// compiler/yaml_document.h: the libfyaml view that front matter and .runbookc.yaml are read through.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/syntax/yaml_document.h"
#include "test_support.h"

using namespace rbc;

TEST_CASE("yaml: scalars, lists and the 0-based line of each key") {
  yaml::ParseError error;
  auto doc = yaml::Document::parse("title: \"Auth: down\"\nalerts:\n  - AuthDown\n  - 'Login5xx'\nowner: sre\n", error);
  REQUIRE(doc);
  yaml::Node root = doc->root();
  REQUIRE(root.is_mapping());
  std::vector<std::string> keys, lines, values;
  root.for_each_pair([&](yaml::Node k, yaml::Node v) {
    keys.push_back(k.scalar());
    lines.push_back(std::to_string(k.line()));
    if (v.is_sequence()) v.for_each_item([&](yaml::Node item) { values.push_back(item.scalar()); });
    else values.push_back(v.scalar());
  });
  CHECK(keys == std::vector<std::string>{"title", "alerts", "owner"});
  CHECK(lines == std::vector<std::string>{"0", "1", "4"});
  CHECK(values == std::vector<std::string>{"Auth: down", "AuthDown", "Login5xx", "sre"});
}

TEST_CASE("yaml: null follows the core schema; quoted text is never null") {
  yaml::ParseError error;
  auto doc = yaml::Document::parse("a:\nb: ~\nc: null\nd: \"null\"\ne: ''\n", error);
  REQUIRE(doc);
  std::vector<std::string> nulls;
  doc->root().for_each_pair([&](yaml::Node k, yaml::Node v) {
    if (v.is_null()) nulls.push_back(k.scalar());
  });
  CHECK(nulls == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("yaml: a collection's line is its first scalar's; an empty one falls back") {
  yaml::ParseError error;
  auto doc = yaml::Document::parse("rules:\n\n  RB250: off\nempty: []\n", error);
  REQUIRE(doc);
  std::vector<int> lines;
  doc->root().for_each_pair([&](yaml::Node, yaml::Node v) { lines.push_back(v.line(-7)); });
  CHECK(lines == std::vector<int>{2, -7});
}

TEST_CASE("yaml: the first error with its 0-based line and column; empty text is an empty document") {
  yaml::ParseError error;
  CHECK_FALSE(yaml::Document::parse("title: \"a \"-\" b\"\n", error));
  CHECK(error.line == 0);
  CHECK(error.column == 11);
  CHECK(error.message == "invalid trailing content after double-quoted scalar");
  CHECK_FALSE(yaml::Document::parse("a: 1\nb: [x,\n", error));
  CHECK(error.line == 2);
  auto empty = yaml::Document::parse("# only a comment\n", error);
  REQUIRE(empty);
  CHECK(empty->root().is_null());
}

TEST_CASE("yaml: duplicate keys are read in order, so the later value wins in the metadata") {
  auto r = test::lint("---\ntitle: First\ntitle: Second\n---\n# Body\n");
  CHECK(r.runbook.metadata.title == "Second");
  CHECK(test::positions(r, "RB006").empty());
}

TEST_CASE("RB006 points at the offending character of bad front matter") {
  auto r = test::lint("---\ntitle: \"{{ x \"-\" }}\"\n---\n# Body\n");
  CHECK(test::positions(r, "RB006") == test::list({"2:15"}));
}

TEST_CASE("invalid UTF-8 is refused with its line and column (libfyaml can hang on it)") {
  rbc::yaml::ParseError error;
  CHECK(rbc::yaml::Document::parse("a: 1\nb: x\xc5" "e\n", error) == nullptr);
  CHECK(error.message == "not valid UTF-8 (YAML text must be Unicode)");
  CHECK(error.line == 1);
  CHECK(error.column == 4);
}
