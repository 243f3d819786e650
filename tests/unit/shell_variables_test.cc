// Which variables a shell step reads from its environment: builtins that set
// variables through their arguments, and placeholders, are not among them.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;

namespace {

std::vector<std::string> env_of(const std::string& body) {
  FileResult r = test::lint("# T\n\n```bash\n" + body + "\n```\n");
  REQUIRE(r.runbook.steps.size() == 1);
  return r.runbook.steps[0].facts.env_vars;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("builtins that assign through their arguments set what they name") {
  CHECK(env_of("let total=1+2 count+=1; echo $total $count $OTHER") == Names{"OTHER"});
  CHECK(env_of("read -r -p 'Node? ' -t 5 node; echo \"$node\"") == Names{});
  CHECK(env_of("kubectl get nodes -o name | while read NODE; do echo $NODE; done") == Names{});
  CHECK(env_of("read -ra parts <<< \"a b\"; echo \"${parts[0]}\"") == Names{});
  CHECK(env_of("read; echo $REPLY") == Names{});
  CHECK(env_of("mapfile -t lines < f; echo \"${lines[@]}\"") == Names{});
  CHECK(env_of("printf -v stamp '%s' x; echo $stamp") == Names{});
  CHECK(env_of("while getopts ab opt; do echo $opt; done") == Names{});
  CHECK(env_of("echo $UNSET_ELSEWHERE; read -p \"$PROMPT_TEXT\" x") == Names{"UNSET_ELSEWHERE", "PROMPT_TEXT"});
}

TEST_CASE("a placeholder where bash would read a variable is not an environment variable") {
  CHECK(env_of("s=abcdef; echo ${s:<offset>}") == Names{});
  CHECK(env_of("echo ${s:<offset>:<length>} $REAL_ONE") == Names{"s", "REAL_ONE"});
}
