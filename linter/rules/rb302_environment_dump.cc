#include "compiler/base/pattern.h"
#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

/// What follows `env`/`printenv` on its line decides whether every variable
/// reaches the terminal; `grep_for` is set when only grep's (secret) matches do.
bool dumps_everything(const Config& config, std::string_view rest, std::string& grep_for) {
  size_t at = rest.find_first_not_of(" \t");
  if (at == std::string_view::npos || rest[at] == ';' || rest[at] == '#' || rest.substr(at, 2) == "&&" ||
      rest.substr(at, 2) == "||" || rest[at] == ')')
    return true;
  if (rest[at] == '>') return false;  // into a file
  if (rest[at] != '|') return false;  // operands: `printenv HOME`, `env -i cmd`
  static const Pattern consumer(R"(^\|\s*(sudo\s+)?([A-Za-z0-9_.-]+)\s*(.*))");
  PatternMatch m;
  if (!consumer.find(rest.substr(at), m)) return false;
  std::string_view prog = m.group(2);
  if (prog == "grep" || prog == "egrep" || prog == "rg") {
    // `env | grep -i proxy` prints only matches: fine unless they are secrets.
    static const Pattern word(R"([A-Za-z_][A-Za-z0-9_]*)");
    word.for_each(m.group(3), [&](const PatternMatch& w) {
      if (grep_for.empty() && is_secret_key(config, std::string(w.whole))) grep_for = w.whole;
    });
    return !grep_for.empty();
  }
  return prog == "sort" || prog == "less" || prog == "more" || prog == "cat" || prog == "tee" || prog == "head" ||
         prog == "tail" || prog == "column" || prog == "uniq" || prog == "nl";
}

void check(const Runbook& rb, Emitter& emit) {
  static const Pattern bare(R"((^|[;&|(]\s*|\bsudo\s+|\bexec\s+.*--\s+)(env|printenv)\b)");
  for (const Step& step : rb.steps) {
    if (step.kind != BlockKind::shell && step.kind != BlockKind::console) continue;
    const std::string& norm = step.facts.normalized;
    size_t pos = 0;
    while (pos < norm.size()) {
      size_t nl = norm.find('\n', pos);
      size_t end = nl == std::string::npos ? norm.size() : nl;
      std::string line = norm.substr(pos, end - pos);
      if (line.find("env") == std::string::npos) {
        pos = end + 1;
        continue;
      }
      PatternMatch m;
      size_t comment = line.find(" #");
      std::string code = line.substr(0, line.rfind('#', 0) == 0 ? 0 : comment);
      if (bare.find(code, m)) {
        std::string_view command = m.group(2);
        size_t command_at = static_cast<size_t>(command.data() - code.data()), word_end = command_at + command.size();
        bool shell_word_end = word_end == code.size() || code[word_end] == ' ' || code[word_end] == '\t' ||
                              code[word_end] == '|' || code[word_end] == ';' || code[word_end] == ')';
        std::string grep_for;
        if (shell_word_end && dumps_everything(emit.config(), std::string_view(code).substr(word_end), grep_for)) {
          uint32_t b = static_cast<uint32_t>(pos + command_at);
          emit.report_in_step(step, b, b + static_cast<uint32_t>(command.size()),
                              grep_for.empty()
                                  ? "`" + std::string(command) + "` prints every environment variable, secrets included, to the "
                                    "terminal"
                                  : "`" + std::string(command) + " | grep " + grep_for + "` prints the value of " + grep_for +
                                        ", a secret, to the terminal",
                              "print only what you need: `printenv HOME PATH`, or names without values: "
                              "`env | cut -d= -f1`");
        }
      }
      pos = end + 1;
    }
  }
}

const bool registered = register_rule({
    .code = "RB302",
    .name = "environment-dump",
    .category = Category::secret,
    .severity = Severity::warning,
    .summary = "A step prints the whole environment, secrets included",
    .what = "Reports a bare `env` or `printenv` (also piped into `sort`, `less`, or into `grep` for a secret-looking "
            "pattern). `printenv HOME`, `env | grep -i proxy`, `env | cut -d= -f1` and `env VAR=x cmd` are fine.",
    .why = "Containers and CI runners keep database URLs, API tokens and keys in the environment; dumping it "
           "puts them on a shared screen or in a pasted log.",
    .instead = "Print only the variables you need (`printenv KUBECONFIG`), or only names (`env | cut -d= -f1`).",
    .bad = {"# Debug\n\n```bash\nkubectl exec deploy/api -- env\n```\n", 4, 28},
    .good = {"# Debug\n\n```bash\nkubectl exec deploy/api -- printenv DB_HOST\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
