// RB008 unchecked-code: where the analysis stops short (a parser's time
// bound, a walk's depth bound), a finding says so instead of passing over
// the rest in silence.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::block;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::none;
using rbc::test::positions;
using rbc::test::with_code;

namespace {
/// `x=(` repeated: tree-sitter's error recovery on it grows quadratically,
/// so 20,000 of them take either grammar far past its 2 s bound (bash ~40 s,
/// sql ~60 s here), on any machine.
std::string beyond_time_bound() {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "x=(";
  return text + "\n";
}
}  // namespace

TEST_CASE("a shell block tree-sitter-bash gives up on is reported at its fence, and nothing else is claimed") {
  auto r = lint(test::bash(beyond_time_bound()));
  CHECK(positions(r, "RB008") == list({"3:1"}));
  REQUIRE(with_code(r, "RB008").size() == 1);
  CHECK(with_code(r, "RB008")[0].end.column == 4);  // the three backticks
  CHECK(with_code(r, "RB008")[0].severity == Severity::warning);
  CHECK(with_code(r, "RB008")[0].message.find("tree-sitter-bash gave up on this block") == 0);
  CHECK(positions(r, "RB001") == none);
}

TEST_CASE("a mysql block tree-sitter-sql gives up on is reported where its SQL starts") {
  auto r = lint(block("mysql", beyond_time_bound()));
  CHECK(positions(r, "RB008") == list({"4:1"}));
  CHECK(with_code(r, "RB008").at(0).message.find("tree-sitter-sql gave up on this SQL (60001 bytes") == 0);
  CHECK(positions(r, "RB003") == none);
}

TEST_CASE("a command past the shell walker's depth bound is reported where the walk stopped") {
  // Each subshell is one frame of the walk, the program one more: the walk
  // stops at the 400th `( ` (frame 401), column 799 of the body's line.
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "( ";
  deep += "rm -rf /var/lib/app";
  for (int i = 0; i < 1000; ++i) deep += " )";
  auto r = lint(test::bash(deep + "\n"));
  CHECK(r.runbook.steps.at(0).facts.commands.empty());
  CHECK(positions(r, "RB008") == list({"4:799"}));
  CHECK(positions(r, "RB201") == none);
}

TEST_CASE("shell inside strings past 6 levels: the innermost string is reported, not followed") {
  std::string script = "rm -rf /var/lib/app";
  for (int i = 0; i < 7; ++i) {  // bash -c '...' around it, quotes escaped as '\''
    std::string quoted;
    for (char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    script = "bash -c '" + quoted + "'";
  }
  auto r = lint(test::bash(script + "\n"));
  // The 7th `bash -c` takes its string at column 601; the string as the
  // 6th level reads it starts with a quote that comes from an escape further on.
  CHECK(positions(r, "RB008") == list({"4:1149"}));
  CHECK(with_code(r, "RB008").at(0).message.find("nests more than 6 levels deep") != std::string::npos);
}

TEST_CASE("a statement nested past the PostgreSQL walk's bound: the call it hides is reported as unchecked") {
  std::string call = "pg_terminate_backend(pid)";
  for (int i = 0; i < 20; ++i) call = "coalesce(" + call + ", false)";
  std::string shallow = "SELECT coalesce(pg_terminate_backend(pid), false) FROM pg_stat_activity;\n";
  auto r = lint(test::sql("SELECT " + call + " FROM pg_stat_activity;\n" + shallow));
  CHECK(positions(r, "RB008") == list({"4:1"}));
  CHECK(positions(r, "RB239") == list({"5:1"}));  // the shallow one is still checked
}

TEST_CASE("shallow blocks produce no RB008") {
  auto r = lint("# T\n\n```bash\n(cd /tmp && (ls; echo \"$(date)\"))\nbash -c 'ssh host \"ls /\"'\n```\n\n" +
                std::string("```mysql\nSELECT 1;\n```\n"));
  CHECK(positions(r, "RB008") == none);
}
