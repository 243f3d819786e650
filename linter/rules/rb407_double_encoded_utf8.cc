#include <fmt/format.h>

#include "linter/mojibake.h"
#include "linter/rule.h"

namespace rbc {
namespace {

/// The word around [begin, end) of `line`, for a readable "did you mean".
std::pair<size_t, size_t> word_around(std::string_view line, size_t begin, size_t end) {
  while (begin > 0 && line[begin - 1] != ' ' && line[begin - 1] != '\t') --begin;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
  return {begin, end};
}

/// True when the run at `offset` lies in a whole-line comment of a block
/// that runs (`# ...` in shell, `-- ...` in SQL): restoring it changes no command.
bool in_comment_line(const Runbook& rb, const Step& step, uint32_t offset) {
  const SourceFile& src = *rb.source;
  uint32_t line = src.position(offset).line;
  std::string_view before = std::string_view(src.text()).substr(src.line_start(line), offset - src.line_start(line));
  size_t first = before.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  before.remove_prefix(first);
  bool sql = step.kind == BlockKind::postgres || step.kind == BlockKind::mysql;
  bool shell = step.kind == BlockKind::shell;  // in a console transcript `# ` is a root prompt
  return (shell && before.starts_with("#")) || (sql && before.starts_with("--"));
}

void check(const Runbook& rb, Emitter& emit) {
  const SourceFile& src = *rb.source;
  std::vector<MojibakeRun> runs = find_mojibake(src.text());  // in text order, none across lines
  if (runs.empty()) return;
  uint32_t lines = 0, last_line = 0;
  for (const MojibakeRun& run : runs)
    if (uint32_t line = src.position(run.begin).line; line != last_line) ++lines, last_line = line;
  uint32_t first_line = src.position(runs.front().begin).line;
  MojibakeRun first = runs.front();
  first.begin -= src.line_start(first_line);
  first.end -= src.line_start(first_line);
  std::string_view text = src.line_text(first_line);
  auto [wb, we] = word_around(text, first.begin, first.end);
  std::string written(text.substr(wb, we - wb));
  uint32_t begin = src.line_start(first_line);
  Diagnostic& d = emit.report({begin + first.begin, begin + first.end},
              fmt::format("`{}` is double-encoded UTF-8 (UTF-8 read as MacRoman or Windows-1252 and saved again){}",
                          written, lines > 1 ? fmt::format("; {} lines of this file are affected", lines) : ""),
              fmt::format("did you mean '{}'? `runbookc lint --fix` restores every such run in the file "
                          "(inside a command, with --unsafe-fixes)",
                          repair_mojibake(written)));
  // The fix restores every run of the file. Runs in prose, in a fence's
  // line or in a whole-line comment are safe to restore; one inside a
  // command a script would run changes it, so those wait for
  // --unsafe-fixes (the next pass reports them on their own).
  std::vector<TextEdit> prose, code;
  for (const MojibakeRun& run : runs) {
    int step = rb.step_at(run.begin);
    const Step* in_step = step >= 0 ? &rb.steps[static_cast<size_t>(step)] : nullptr;
    bool in_command = in_step && in_step->runnable() && in_step->span.begin < run.begin &&
                      src.position(run.begin).line != in_step->line && !in_comment_line(rb, *in_step, run.begin);
    (in_command ? code : prose).push_back(emit.edit({run.begin, run.end}, run.repaired));
  }
  bool safe = !prose.empty();
  std::vector<TextEdit>& edits = safe ? prose : code;
  size_t count = edits.size();
  d.fix = Fix{std::move(edits), safe,
              fmt::format("restore {} double-encoded sequence{}{}", count, count == 1 ? "" : "s",
                          safe ? "" : " inside commands")};
}

const bool registered = register_rule({
    .code = "RB407",
    .name = "double-encoded-utf8",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "Text is double-encoded UTF-8 (mojibake such as \"Sympt√¥mes\")",
    .what = "Finds characters that, mapped back through MacRoman or Windows-1252 to bytes, form valid multi-byte "
            "UTF-8 of a plausible character (\"√¥\" → \"ô\", \"üö®\" → \"🚨\"). Reported once per file, at the "
            "first occurrence, with the count of affected lines and the repaired word.",
    .why = "Headings no longer match their anchors or required section names, commands copied from such lines "
           "can carry the wrong characters, and the page is hard to read under stress.",
    .instead = "Restore the file's original UTF-8 text.",
    .fix = "replaces every double-encoded sequence by the character it stood for (`√¥` → `ô`). Safe in prose, "
           "headings and whole-line comments (`# ...`, `-- ...`); sequences inside the commands of a block that runs "
           "are restored only with --unsafe-fixes, as that changes a command.",
    .bad = {"# Panne API\n\n## Sympt\xe2\x88\x9a\xc2\xa5mes\n", 3, 9},
    .good = {"# Panne API\n\n## Sympt\xc3\xb4mes\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
