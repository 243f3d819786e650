#include "compiler/base/pattern.h"
#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

/// The command's output goes into another command of its pipeline (`echo $TOKEN | docker login --password-stdin`).
bool feeds_a_pipe(const Step& step, const Command& cmd) {
  if (cmd.pipeline < 0) return false;
  for (const Command& other : step.facts.commands)
    if (other.pipeline == cmd.pipeline && other.position_in_pipeline > cmd.position_in_pipeline) return true;
  return false;
}

/// Output redirected to a file or another descriptor right after the command.
bool redirected(const std::string& text, const Command& cmd) {
  size_t at = cmd.span.end;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at < text.size() && (text[at] == '>' || (text[at] == '1' && at + 1 < text.size() && text[at + 1] == '>'));
}

/// Reports each `$NAME` / `${NAME}` of a secret-named variable inside file[begin, end).
void report_secret_expansions(const Runbook& rb, Emitter& emit, Span within, std::string_view how) {
  static const Pattern expansion(R"(\$\{?([A-Za-z_][A-Za-z0-9_]*))");
  std::string_view part = std::string_view(rb.source->text()).substr(within.begin, within.end - within.begin);
  expansion.for_each(part, [&](const PatternMatch& m) {
    std::string name(m.group(1));
    if (!is_secret_key(emit.config(), name)) return;
    uint32_t b = within.begin + static_cast<uint32_t>(m.position);
    emit.report({b, b + static_cast<uint32_t>(m.length())},
                std::string(how) + " prints `" + name + "` to the terminal, where it lands in scrollback, screen "
                "shares and recorded incident calls",
                "check it without printing it: `test -n \"${" + name + ":-}\"`, or print a fingerprint "
                "(`printf %s \"$" + name + "\" | sha256sum | cut -c1-8`)");
  });
}

void check(const Runbook& rb, Emitter& emit) {
  const std::string& text = rb.source->text();
  static const Pattern herestring(R"(\b(cat|tee)\b[^|;&\n]*<<<\s*("?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"?))");
  for (const Step& step : rb.steps) {
    if (step.kind != BlockKind::shell && step.kind != BlockKind::console) continue;
    for (const Command& cmd : step.facts.commands) {
      if (cmd.argv.empty()) continue;
      const std::string& prog = cmd.argv[0].text;
      if (prog != "echo" && prog != "printf") continue;
      if (feeds_a_pipe(step, cmd) || redirected(text, cmd)) continue;
      for (size_t i = 1; i < cmd.argv.size(); ++i) {
        const Word& w = cmd.argv[i];
        if (w.literal || w.text.find("${#") != std::string::npos) continue;  // ${#X} is a length
        report_secret_expansions(rb, emit, w.span, prog);
      }
    }
    // `cat <<< "$SECRET"` / `tee <<< $SECRET`: the here-string is not an argument.
    const std::string& norm = step.facts.normalized;
    if (norm.find("<<<") == std::string::npos) continue;
    herestring.for_each(norm, [&](const PatternMatch& m) {
      size_t after = m.position + m.length(), line_end = norm.find('\n', m.position);
      std::string_view rest(norm.data() + after, (line_end == std::string::npos ? norm.size() : line_end) - after);
      if (rest.find('|') != std::string_view::npos || rest.find('>') != std::string_view::npos) return;
      uint32_t b = static_cast<uint32_t>(m.group(2).data() - norm.data()), e = b + static_cast<uint32_t>(m.group(2).size());
      report_secret_expansions(rb, emit, step.file_span(b, e), m.group(1));
    });
  }
}

const bool registered = register_rule({
    .code = "RB301",
    .name = "secret-printed",
    .category = Category::secret,
    .severity = Severity::error,
    .summary = "A step prints a secret-named variable to the terminal",
    .what = "Reports `echo`, `printf`, `cat <<<` and `tee <<<` of a variable whose name says it holds a secret "
            "(SECRET, TOKEN, PASSWORD, API_KEY, DATABASE_URL, JWT... configurable with `secret_names`). Piping the "
            "value into another command (`echo $TOKEN | docker login --password-stdin`) or into a file is not "
            "printing, nor is `${#TOKEN}` (its length).",
    .why = "During an incident terminals are shared, recorded and pasted into chat: a printed secret has leaked "
           "and must be rotated.",
    .instead = "Test that the variable is set with `test -n \"${JWT_SECRET:-}\"`, or compare fingerprints "
               "(`sha256sum`) rather than values.",
    .bad = {"# Check the key\n\n```bash\necho $JWT_SECRET\n```\n", 4, 6},
    .good = {"# Check the key\n\n```bash\ntest -n \"${JWT_SECRET:-}\" && echo set\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
