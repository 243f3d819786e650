#include <cctype>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// The variable name when `text` starts with `$NAME/` or `${NAME}/`; empty
/// otherwise (including `${NAME:?}` and `${NAME:-default}`, which are guarded).
std::string leading_unguarded_variable(std::string_view text) {
  if (text.size() < 3 || text[0] != '$') return {};
  size_t at = 1;
  bool braced = text[1] == '{';
  if (braced) ++at;
  size_t name_begin = at;
  while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_')) ++at;
  if (at == name_begin) return {};
  std::string name(text.substr(name_begin, at - name_begin));
  if (braced) {
    if (at >= text.size() || text[at] != '}') return {};
    ++at;
  }
  if (at >= text.size() || text[at] != '/') return {};
  return name;
}

/// Where `$NAME` or `${NAME}` is written at the start of the word's source
/// (after an opening double quote), nullopt when the source reads otherwise
/// (escaped, built by a wrapper, a word whose bytes are not where its span says).
std::optional<Span> variable_written_at(const Runbook& rb, Span word, const std::string& name) {
  std::string_view text = rb.source->text();
  if (word.end > text.size() || word.begin >= word.end) return std::nullopt;
  std::string_view written = text.substr(word.begin, word.end - word.begin);
  uint32_t at = 0;
  if (!written.empty() && written[0] == '"') at = 1;
  for (const std::string& form : {"${" + name + "}", "$" + name}) {
    if (written.substr(at, form.size()) != form) continue;
    // `$NAME` must not run on into a longer name.
    size_t after = at + form.size();
    if (form[1] != '{' && after < written.size() &&
        (std::isalnum(static_cast<unsigned char>(written[after])) || written[after] == '_'))
      return std::nullopt;
    return Span{word.begin + at, word.begin + static_cast<uint32_t>(after)};
  }
  return std::nullopt;
}

void check(const Runbook& rb, const Step& step, const Command& cmd, Emitter& emit) {
  if (!has_flag(cmd, "rR", {"--recursive"})) return;
  for (size_t i : operands(cmd)) {
    const Word& w = cmd.argv[i];
    if (w.literal) continue;
    std::string name = leading_unguarded_variable(w.text);
    if (name.empty()) continue;
    // A variable the step sets itself is visible to the reader; one that
    // comes from elsewhere may be empty when this line runs.
    const auto& outside = step.facts.env_vars;
    if (std::find(outside.begin(), outside.end(), name) == outside.end()) continue;
    Diagnostic& d =
        emit.report(w.span,
                    "`rm -r " + w.text + "` deletes from / if $" + name + " is empty or unset; the step does not set it",
                    "write ${" + name + ":?} so the shell stops when it is empty, or set it in this step");
    // Unsafe: the command now stops where it ran before.
    if (std::optional<Span> at = variable_written_at(rb, w.span, name))
      d.fix = Fix{{emit.edit(*at, "${" + name + ":?}")}, false, "guard the variable: `${" + name + ":?}`"};
  }
}

const bool registered = register_rule({
    .code = "RB202",
    .name = "rm-recursive-unguarded-variable",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "rm -r on a path that starts with a variable the step does not set",
    .what = "Reports `rm -r` operands that begin with `$NAME/` or `${NAME}/` when the step itself never assigns "
            "NAME. `${NAME:?}` and `${NAME:-default}` are guarded and not reported.",
    .why = "Runbook steps are pasted into fresh shells. When the variable was set in another step, another "
           "terminal or not at all, `\"$DIR\"/*` becomes `/*` and the command deletes the machine.",
    .instead = "Write `rm -rf \"${DIR:?}\"/*`, which aborts when DIR is empty, or set DIR in the same block.",
    .fix = "writes `${NAME:?}` for the variable, so the shell stops with an error when it is empty or unset. "
           "Unsafe: the command no longer runs where it ran before.",
    .fix_safe = false,
    .bad = {"# Cleanup\n\n```bash\nrm -rf \"$BUILD_DIR\"/*\n```\n", 4, 8},
    .good = {"# Cleanup\n\n```bash\nrm -rf \"${BUILD_DIR:?}\"/*\n```\n"},
    .on_command = {.names = {"rm"}, .check = check},
});

}  // namespace
}  // namespace rbc
