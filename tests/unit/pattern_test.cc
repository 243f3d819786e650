// linter/pattern.h: the RE2 wrapper every line-scanning rule uses.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/base/pattern.h"
#include "test_support.h"

using namespace rbc;

TEST_CASE("Pattern::find reports the leftmost match, its groups and its offset") {
  Pattern p(R"((\w+)=(\d+))");
  PatternMatch m;
  REQUIRE(p.find("set a=1 b=22", m));
  CHECK(m.position == 4);
  CHECK(m.whole == "a=1");
  CHECK(m.group(1) == "a");
  CHECK(m.group(2) == "1");
  REQUIRE(p.find("set a=1 b=22", m, 7));
  CHECK(m.position == 8);
  CHECK(m.group(2) == "22");
  CHECK_FALSE(p.find("no digits=x", m));
}

TEST_CASE("Pattern::find from an offset: ^ stays anchored at 0 and \\b sees the text before") {
  Pattern start("^env");
  PatternMatch m;
  CHECK(start.find("env | sort", m));
  CHECK_FALSE(start.find("x; env", m, 3));
  Pattern word(R"(\benv\b)");
  CHECK_FALSE(word.find("printenv", m, 5));  // "env" inside a word, even when the search starts there
  REQUIRE(word.find("a; env", m, 2));
  CHECK(m.position == 3);
}

TEST_CASE("Pattern::for_each visits non-overlapping matches left to right, empty matches included once") {
  std::vector<size_t> at;
  Pattern(R"(\$\{?[A-Z_]+)").for_each("echo $A ${BB} $", [&](const PatternMatch& m) { at.push_back(m.position); });
  CHECK(at == std::vector<size_t>{5, 8});
  size_t empties = 0;
  Pattern("x*").for_each("ab", [&](const PatternMatch&) { ++empties; });
  CHECK(empties == 3);  // before a, before b, at the end
}

TEST_CASE("Pattern flags: ignore_case and multiline") {
  CHECK(Pattern("^select", Pattern::ignore_case).search("SELECT 1"));
  CHECK_FALSE(Pattern("^select").search("SELECT 1"));
  CHECK_FALSE(Pattern("^USE db;").search("SELECT 1;\nUSE db;"));
  CHECK(Pattern("^USE db;", Pattern::multiline).search("SELECT 1;\nUSE db;"));
}

TEST_CASE("Pattern matches bytes: non-UTF-8 and very long lines are safe") {
  CHECK(Pattern("a.b").search(std::string("a\xff" "b")));
  std::string long_line(200000, 'a');
  long_line += "AKIAZ7QW3RT5YUI8OP2X";  // std::regex would have overflowed the stack before reaching it
  PatternMatch m;
  REQUIRE(Pattern(R"((AKIA|ASIA)[0-9A-Z]{16}\b)").find(long_line, m));
  CHECK(m.position == 200000);
}

TEST_CASE("Pattern::replace_all rewrites with numbered groups; a bad pattern is a logic error naming it") {
  Pattern limit(R"(\bLIMIT\s+(\d+)\s*,\s*(\d+))", Pattern::ignore_case);
  CHECK(limit.replace_all("SELECT * FROM t limit 5, 10", R"(LIMIT \2 OFFSET \1)") == "SELECT * FROM t LIMIT 10 OFFSET 5");
  CHECK_THROWS_WITH_AS(Pattern("(unclosed"), doctest::Contains("(unclosed"), std::logic_error);
}

TEST_CASE("RB305 token-literal finds a key on a line longer than 4 KB (no line-length limit any more)") {
  std::string prose(5000, 'x');
  auto r = test::lint("# Access\n\n" + prose + " AKIAZ7QW3RT5YUI8OP2X\n");
  CHECK(test::positions(r, "RB305") == test::list({"3:5002"}));
}
