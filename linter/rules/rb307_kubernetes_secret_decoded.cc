#include "linter/rule.h"

namespace rbc {
namespace {

bool is_get_secret(const Command& cmd) {
  if (cmd.argv.size() < 3) return false;
  const std::string& prog = cmd.argv[0].text;
  if (prog != "kubectl" && prog != "oc") return false;
  bool get = false;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    const std::string& w = cmd.argv[i].text;
    if (w == "get") get = true;
    else if (get && (w == "secret" || w == "secrets" || w.rfind("secret/", 0) == 0 || w.rfind("secrets/", 0) == 0))
      return true;
  }
  return false;
}

bool decodes_base64(const Command& cmd) {
  if (cmd.argv.empty()) return false;
  const std::string& prog = cmd.argv[0].text;
  if (prog == "base64") {
    for (size_t i = 1; i < cmd.argv.size(); ++i) {
      const std::string& w = cmd.argv[i].text;
      if (w == "-d" || w == "--decode" || w == "-D" || w == "-di" || w == "-id") return true;
    }
    return false;
  }
  if (prog == "jq" || prog == "yq")
    for (size_t i = 1; i < cmd.argv.size(); ++i)
      if (cmd.argv[i].text.find("@base64d") != std::string::npos || cmd.argv[i].text.find("base64_decode") != std::string::npos)
        return true;
  return false;
}

/// The pipeline sits inside `$(...)` or backticks: its output is captured, not printed.
bool captured(const Runbook& rb, const Command& cmd) {
  const std::string& text = rb.source->text();
  uint32_t line_begin = rb.source->line_start(rb.source->position(cmd.span.begin).line);
  int depth = 0, ticks = 0;
  for (uint32_t i = line_begin; i < cmd.span.begin; ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '(') ++depth;
    else if (text[i] == ')' && depth > 0) --depth;
    else if (text[i] == '`') ++ticks;
  }
  return depth > 0 || ticks % 2 == 1;
}

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    const auto& cmds = step.facts.commands;
    for (const Command& get : cmds) {
      if (get.pipeline < 0 || !is_get_secret(get) || captured(rb, get)) continue;
      for (const Command& later : cmds) {
        if (later.pipeline != get.pipeline || later.position_in_pipeline <= get.position_in_pipeline ||
            !decodes_base64(later))
          continue;
        bool piped_on = false;  // decoded, then handed to another command (e.g. `| kubectl apply -f -`)
        for (const Command& after : cmds)
          piped_on |= after.pipeline == get.pipeline && after.position_in_pipeline > later.position_in_pipeline &&
                      !after.argv.empty() && after.argv[0].text != "jq" && after.argv[0].text != "less" &&
                      after.argv[0].text != "head";
        if (piped_on) break;
        emit.report(later.span,
                    "this decodes a Kubernetes secret onto the terminal: the plain-text value ends up in scrollback, "
                    "screen shares and incident recordings",
                    "check a property instead of the value (`| base64 -d | wc -c`, `| sha256sum`), or use it "
                    "without printing (`kubectl create job --from`, mounting the secret)");
        break;
      }
    }
  }
}

const bool registered = register_rule({
    .code = "RB307",
    .name = "kubernetes-secret-decoded",
    .category = Category::secret,
    .severity = Severity::warning,
    .summary = "A step decodes a Kubernetes secret to the terminal",
    .what = "Reports `kubectl get secret ... | base64 -d` (also `--decode`, `jq '... | @base64d'`, `oc get secret`) "
            "when the decoded value is printed rather than captured in a variable (`X=$(...)`) or piped on to "
            "another command.",
    .why = "Kubernetes secrets are only base64-encoded; decoding one on a shared or recorded screen leaks it.",
    .instead = "Compare a fingerprint (`| base64 -d | sha256sum`) or a length (`| wc -c`), or capture it in a "
               "variable and use it without printing.",
    .bad = {"# DB password\n\n```bash\nkubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n```\n", 4, 56},
    .good = {"# DB password\n\n```bash\nkubectl get secret db -o jsonpath='{.data.password}' | base64 -d | sha256sum\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
