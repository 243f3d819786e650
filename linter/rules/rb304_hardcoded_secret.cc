#include "linter/config.h"

#include <algorithm>
#include <optional>

#include "compiler/base/ascii.h"
#include "compiler/base/base64.h"
#include "compiler/base/pattern.h"
#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

/// A base64 value (a Kubernetes Secret's `data:`) that decodes to text that
/// is no real secret: "password", "dante", "hvs.*******".
bool encodes_a_stand_in(std::string_view value) {
  while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.remove_suffix(1);
  std::optional<std::string> decoded = decode_base64(value);
  if (!decoded || decoded->empty()) return false;
  std::string_view text = *decoded;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) return false;
  bool plain_word = text.size() <= 12 && std::all_of(text.begin(), text.end(), [](char c) { return is_ascii_lower(c); });
  return plain_word || !looks_like_real_secret(text);
}

/// A JSON block right after a shell block in the same section, with at most
/// a few lines of prose between: what the command printed, not a value the
/// runbook sets.
bool shows_command_output(const Runbook& rb, const Step& step) {
  if (step.language != "json" || step.index == 0) return false;
  const Step& before = rb.steps[static_cast<size_t>(step.index - 1)];
  if (before.section != step.section || (before.kind != BlockKind::shell && before.kind != BlockKind::console))
    return false;
  const SourceFile& src = *rb.source;
  return src.line_at(step.span.begin) - src.line_at(before.span.end > 0 ? before.span.end - 1 : 0) <= 5;
}

/// `[export ]NAME=value`, `NAME: value`, `"name": "value"` on one line of a code block.
void check_line(Emitter& emit, const Step& step, std::string_view line, uint32_t at) {
  static const Pattern assignment(
      R"(^\s*(?:-\s+)?(?:export\s+|set\s+|declare\s+(?:-x\s+)?)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?(=|\s*:)\s*("[^"]*"|'[^']*'|[^\s#,;]+))");
  PatternMatch m;
  if (!assignment.find(line, m)) return;
  std::string name(m.group(1)), value(m.group(3));
  if (!is_secret_key(emit.config(), name) || !looks_like_real_secret(value) || encodes_a_stand_in(value)) return;
  uint32_t b = at + static_cast<uint32_t>(m.group(3).data() - line.data());
  Span span = step.file_span(b, b + static_cast<uint32_t>(value.size()));
  if (overlaps_placeholder(step, span)) return;
  emit.report(span,
              "`" + name + "` is set to a literal secret; it is now in the runbook, its rendered site and Git history",
              "read it from a secret store or the environment (`export " + name + "=\"$(vault kv get -field=value ...)\"`), "
              "and rotate this one");
}

void check(const Runbook& rb, Emitter& emit) {
  const Config& config = emit.config();
  for (const Step& step : rb.steps) {
    if (shows_command_output(rb, step)) continue;
    const std::string& body = step.body;
    size_t pos = 0;
    while (pos < body.size()) {
      size_t nl = body.find('\n', pos);
      size_t end = nl == std::string::npos ? body.size() : nl;
      std::string_view line(body.data() + pos, end - pos);
      // The key must hold a secret name: a cheap test before the regex.
      if (line.find("://") == std::string_view::npos && config.is_secret_name(line))
        check_line(emit, step, line, static_cast<uint32_t>(pos));
      pos = end + 1;
    }
  }
}

const bool registered = register_rule({
    .code = "RB304",
    .name = "hardcoded-secret",
    .category = Category::secret,
    .severity = Severity::error,
    .summary = "A code block assigns a literal secret to a secret-named variable or key",
    .what = "Reports `export API_TOKEN=...`, `PASSWORD=...` and YAML/JSON-ish `password: ...` lines in code blocks "
            "when the value looks real: not a variable, placeholder, mask or the word `password`, and mixing "
            "letters with digits or symbols (or long). Names that refer to a secret (`secretName`, `TOKEN_FILE`, "
            "`PASSWORD_ARN`) are not secrets; nor are templates (`<salt>`), base64 values that decode to a "
            "stand-in (`cGFzc3dvcmQ=` is \"password\"), or a JSON block showing what the command just above "
            "printed. URLs are left to credentials-in-url.",
    .why = "A secret written in a runbook is readable by everyone with access to the docs and stays in Git "
           "history after it is removed.",
    .instead = "Fetch it when the step runs (`$(vault kv get ...)`, `aws secretsmanager get-secret-value`), or "
               "refer to the Kubernetes secret by name.",
    .bad = {"# Rotate\n\n```bash\nexport API_TOKEN=f3a9c2e7b1d84c06\n```\n", 4, 18},
    .good = {"# Rotate\n\n```bash\nexport API_TOKEN=\"$(vault kv get -field=token secret/api)\"\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
