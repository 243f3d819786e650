// Where a generated script lets bash evaluate a parameter as arithmetic, and
// how runbook text is shown on a terminal.
#include <doctest/doctest.h>

#include "compiler/model/arithmetic_context.h"
#include "compiler/emit/script/shell_quote.h"
#include "compiler/model/step_text.h"
#include "test_support.h"

using namespace rbc;

namespace {

std::set<std::string> evaluated_in(const std::string& code) { return arithmetic_facts(code).evaluated; }

const std::set<std::string> kA{"RB_PARAM_a"};
const std::set<std::string> kNone{};

}  // namespace

TEST_CASE("each arithmetic context of bash marks the parameter expanded in it") {
  CHECK(evaluated_in("echo $(( \"${RB_PARAM_a}\" + 1 ))") == kA);
  CHECK(evaluated_in("echo $[ \"${RB_PARAM_a}\" + 1 ]") == kA);
  CHECK(evaluated_in("(( \"${RB_PARAM_a}\" > 3 )) && echo y") == kA);
  CHECK(evaluated_in("for ((i = 0; i < \"${RB_PARAM_a}\"; i++)); do echo \"${RB_PARAM_b}\"; done") == kA);
  CHECK(evaluated_in("if [[ \"${RB_PARAM_a}\" -gt 5 ]]; then :; fi") == kA);
  CHECK(evaluated_in("[[ -f \"${RB_PARAM_b}\" && \"${RB_PARAM_a}\" -le 2 ]]") == kA);
  CHECK(evaluated_in("let total=\"${RB_PARAM_a}\"+1") == kA);
  CHECK(evaluated_in("declare -i n=\"${RB_PARAM_a}\"") == kA);
  CHECK(evaluated_in("local -ri n=\"${RB_PARAM_a}\"") == kA);
  CHECK(evaluated_in("echo ${s:\"${RB_PARAM_a}\"}") == kA);
  CHECK(evaluated_in("echo \"${s:1:${RB_PARAM_a}}\"") == kA);
  CHECK(evaluated_in("echo \"${arr[${RB_PARAM_a}]}\"") == kA);
  CHECK(evaluated_in("arr[\"${RB_PARAM_a}\"]=1") == kA);
  CHECK(evaluated_in("unset 'arr['\"${RB_PARAM_a}\"']'") == kA);
}

TEST_CASE("places where bash does not evaluate arithmetic leave the parameter alone") {
  CHECK(evaluated_in("kubectl scale deploy/web --replicas=\"${RB_PARAM_a}\"") == kNone);
  CHECK(evaluated_in("[ \"${RB_PARAM_a}\" -gt 1 ] && test \"${RB_PARAM_a}\" -eq 2") == kNone);
  CHECK(evaluated_in("[[ \"${RB_PARAM_a}\" == prod-* ]]") == kNone);
  CHECK(evaluated_in("echo \"${x:-${RB_PARAM_a}}\" \"${x#${RB_PARAM_a}}\"") == kNone);
  CHECK(evaluated_in("grep -E 'x[0-9]' \"${RB_PARAM_a}\"") == kNone);
  CHECK(evaluated_in("declare -r n=\"${RB_PARAM_a}\"") == kNone);
}

TEST_CASE("a parameter where a builtin takes a variable name is found") {
  auto names_in = [](const std::string& code) { return arithmetic_facts(code).as_names; };
  CHECK(names_in("unset \"${RB_PARAM_a}\"") == kA);
  CHECK(names_in("read -r -p 'Value: ' \"${RB_PARAM_a}\"") == kA);
  CHECK(names_in("read -r -p \"${RB_PARAM_b}\" answer < \"${RB_PARAM_c}\"") == kNone);
  CHECK(names_in("printf -v \"${RB_PARAM_a}\" '%s' \"${RB_PARAM_b}\"") == kA);
  CHECK(names_in("[[ -v \"${RB_PARAM_a}\" ]] && test -v \"${RB_PARAM_a}\"") == kA);
  CHECK(names_in("declare \"${RB_PARAM_a}\"; export NAME=\"${RB_PARAM_b}\"") == kA);
  CHECK(names_in("mapfile -t -d , \"${RB_PARAM_a}\" < file") == kA);
  CHECK(names_in("declare -n ref=\"${RB_PARAM_a}\"; local -rn other=x") == kA);
  CHECK(names_in("kubectl get pod \"${RB_PARAM_a}\" -o name | while read -r pod; do echo $pod; done") == kNone);
}

TEST_CASE("a value that reaches arithmetic through variables, in the same or a later step") {
  ArithmeticFacts first = arithmetic_facts("n=\"${RB_PARAM_a}\"\nm=$n\nname=\"${RB_PARAM_b}\"");
  ArithmeticFacts second = arithmetic_facts("echo $(( m * 2 )) \"$name\"");
  ArithmeticFacts integer = arithmetic_facts("declare -i k\nk=\"${RB_PARAM_c}\"");
  std::set<std::string> all{"RB_PARAM_a", "RB_PARAM_b", "RB_PARAM_c"};
  CHECK(evaluated_variables({&first}, all) == std::set<std::string>{});
  CHECK(evaluated_variables({&first, &second}, all) == std::set<std::string>{"RB_PARAM_a"});
  CHECK(evaluated_variables({&integer}, all) == std::set<std::string>{"RB_PARAM_c"});
}

TEST_CASE("visible_text writes what a terminal would act on as escapes") {
  CHECK(visible_text("plain text\twith tab\nand line") == "plain text\twith tab\nand line");
  CHECK(visible_text("\x1b[2J\x1b]0;t\x07") == "\\e[2J\\e]0;t\\x07");
  CHECK(visible_text("rm -rf x # \x1b[1A\x1b[2Kok") == "rm -rf x # \\e[1A\\e[2Kok");
  CHECK(visible_text("a\rb\r\n") == "a\\x0Db\r\n");
  CHECK(visible_text("del\x7f") == "del\\x7F");
  CHECK(visible_text("c1 \xc2\x9b" "2J") == "c1 \\u009B2J");
  CHECK(visible_text("bidi \xe2\x80\xae" "txt \xe2\x81\xa6" "x") == "bidi \\u202Etxt \\u2066x");
  CHECK(visible_text("caf\xc3\xa9 \xe2\x80\x94 ok") == "caf\xc3\xa9 \xe2\x80\x94 ok");
}

TEST_CASE("a step holding the former placeholder marker byte is shown, not run, and never crashes the renderer") {
  // The byte the renderer once used as its placeholder marker, with and without placeholders.
  for (const char* body : {"echo a\x01z", "echo <name> a\x01z <other>", "cat <<EOF\n\x01 <name>\nEOF"}) {
    FileResult r = test::lint(std::string("# T\n\n```bash\n") + body + "\n```\n");
    REQUIRE(r.runbook.steps.size() == 1);
    RenderedStep step = render_step(r.runbook.steps[0]);
    CHECK(step.runner == "show");
    CHECK(step.note == "holds a \\x01 or NUL byte (shown escaped): shown, not run");
  }
}
