#include "compiler/cli/lsp/findings.h"

#include <fmt/format.h>

#include <set>

#include "compiler/cli/explain_text.h"
#include "linter/rule.h"

namespace rbc::lsp {
namespace {

using json = nlohmann::json;

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::note: return 3;
  }
  return 1;
}

bool before(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.column < b.column); }

json edit_json(const SourceFile& file, Position start, Position end, const std::string& text, Encoding encoding) {
  return {{"range", range_json(file, start, end, encoding)}, {"newText", text}};
}

json action_json(std::string title, const Diagnostic& finding, const SourceFile& file, const std::string& uri,
                 json edits, Encoding encoding) {
  return {{"title", std::move(title)},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic_json(finding, file, encoding)})},
          {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
}

/// Leading blanks of a line: a comment above an indented fence (in a list
/// item) keeps the item's indentation.
std::string indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return std::string(line.substr(0, n));
}

}  // namespace

json range_json(const SourceFile& file, Position start, Position end, Encoding encoding) {
  LspPosition s = to_lsp(file, start, encoding), e = to_lsp(file, end, encoding);
  return {{"start", {{"line", s.line}, {"character", s.character}}},
          {"end", {{"line", e.line}, {"character", e.character}}}};
}

json diagnostic_json(const Diagnostic& finding, const SourceFile& file, Encoding encoding) {
  return {{"range", range_json(file, finding.start, finding.end, encoding)},
          {"severity", lsp_severity(finding.severity)},
          {"code", finding.code},
          {"source", "runbookc"},
          {"message", finding.message},
          {"data",
           {{"rule", finding.rule},
            {"category", to_string(finding.category)},
            {"help", finding.help},
            {"fixable", finding.fix.has_value()}}}};
}

bool finding_touches(const Diagnostic& finding, Position start, Position end) {
  // Overlap of [finding.start, finding.end) with [start, end], ends included
  // so that a cursor just after the finding's last character still counts.
  return !before(end, finding.start) && !before(finding.end, start);
}

std::vector<json> code_actions(const Diagnostic& finding, const Runbook& runbook, const std::string& uri,
                               Encoding encoding) {
  const SourceFile& file = *runbook.source;
  std::vector<json> actions;
  if (finding.fix && !finding.fix->edits.empty()) {
    json edits = json::array();
    for (const TextEdit& e : finding.fix->edits) edits.push_back(edit_json(file, e.start, e.end, e.replacement, encoding));
    std::string title = finding.fix->title.empty() ? fmt::format("Fix {}", finding.code) : finding.fix->title;
    if (!finding.fix->safe) title += " (unsafe: changes what the command does)";
    json action = action_json(fmt::format("{} ({})", title, finding.code), finding, file, uri, std::move(edits), encoding);
    if (finding.fix->safe) action["isPreferred"] = true;
    actions.push_back(std::move(action));
  }
  const Step* step = nullptr;
  for (const Step& s : runbook.steps)
    if (s.index == finding.step) step = &s;
  if (step && step->line >= 1) {
    std::string indent = indentation(file.line_text(step->line));
    std::string comment = fmt::format("{}<!-- runbookc-disable-next-block {} reason=\"\" -->\n", indent, finding.code);
    Position at{step->line, 1};
    actions.push_back(action_json(fmt::format("Suppress {} for this code block (with a reason)", finding.code), finding,
                                  file, uri, json::array({edit_json(file, at, at, comment, encoding)}), encoding));
  } else {
    uint32_t first = finding.start.line, last = finding.end.line;
    // An end at column 1 of a line is the end of the line before it.
    if (last > first && finding.end.column == 1) --last;
    std::string indent = first <= file.line_count() ? indentation(file.line_text(first)) : "";
    Position above{first, 1}, below{last + 1, 1};
    std::string disable = fmt::format("{}<!-- runbookc-disable {} reason=\"\" -->\n", indent, finding.code);
    std::string enable = fmt::format("{}<!-- runbookc-enable {} -->\n", indent, finding.code);
    json edits = json::array({edit_json(file, above, above, disable, encoding)});
    if (last < file.line_count()) {
      edits.push_back(edit_json(file, below, below, enable, encoding));
    } else {  // the file's last line, which has no line ending: the comment goes after it
      Position end_of_last{last, count_code_points(file.line_text(last)) + 1};
      edits.push_back(edit_json(file, end_of_last, end_of_last, "\n" + enable.substr(0, enable.size() - 1), encoding));
    }
    actions.push_back(action_json(fmt::format("Suppress {} here (with a reason)", finding.code), finding, file, uri,
                                  std::move(edits), encoding));
  }
  return actions;
}

std::string hover_text(const std::vector<const Diagnostic*>& findings) {
  std::string out;
  std::set<std::string> explained;
  for (const Diagnostic* d : findings) {
    if (!out.empty()) out += "\n";
    out += fmt::format("{} {} ({}): {}\nhelp: {}\n", d->code, d->rule, to_string(d->severity), d->message, d->help);
  }
  for (const Diagnostic* d : findings) {
    if (!explained.insert(d->code).second) continue;
    if (const Rule* rule = find_rule(d->code)) out += "\n" + explain_text(*rule);
  }
  return out;
}

}  // namespace rbc::lsp
