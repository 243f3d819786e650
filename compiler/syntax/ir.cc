#include "compiler/syntax/ir.h"

#include <algorithm>

namespace rbc {

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::none: return "none";
    case BlockKind::shell: return "shell";
    case BlockKind::console: return "console";
    case BlockKind::postgres: return "postgres";
    case BlockKind::mysql: return "mysql";
    case BlockKind::redis: return "redis";
    case BlockKind::ruby: return "ruby";
    case BlockKind::other: return "other";
  }
  return "none";
}

const char* to_string(ShellQuoting quoting) {
  switch (quoting) {
    case ShellQuoting::unknown: return "unknown";
    case ShellQuoting::unquoted: return "unquoted";
    case ShellQuoting::double_quoted: return "double-quoted";
    case ShellQuoting::single_quoted: return "single-quoted";
    case ShellQuoting::ansi_c: return "ansi-c";
    case ShellQuoting::heredoc: return "heredoc";
    case ShellQuoting::quoted_heredoc: return "quoted-heredoc";
    case ShellQuoting::comment: return "comment";
  }
  return "unknown";
}

Span Step::file_span(uint32_t begin, uint32_t end) const {
  if (body_to_file.empty()) return span;
  auto clamp = [&](uint32_t i) { return i < body_to_file.size() ? i : static_cast<uint32_t>(body_to_file.size() - 1); };
  uint32_t b = body_to_file[clamp(begin)];
  uint32_t e = end > begin ? body_to_file[clamp(end - 1)] + 1 : b;
  return {b, e};
}

bool Step::runnable() const {
  // Every kind but these names an entry of the language table, which gives it a runner.
  return kind != BlockKind::none && kind != BlockKind::other;
}

int Runbook::section_at(uint32_t offset) const {
  // Sections are recorded in document order, so their spans begin in increasing order.
  auto after = std::partition_point(sections.begin(), sections.end(),
                                    [&](const Section& s) { return s.span.begin <= offset; });
  return static_cast<int>(after - sections.begin()) - 1;
}

int Runbook::step_at(uint32_t offset) const {
  // Steps are in document order and do not overlap: the last one beginning at or before `offset`.
  auto after = std::partition_point(steps.begin(), steps.end(), [&](const Step& s) { return s.span.begin <= offset; });
  if (after == steps.begin() || offset >= std::prev(after)->span.end) return -1;
  return std::prev(after)->index;
}

std::string Runbook::section_path(int section) const {
  std::string out;
  std::vector<int> chain;
  for (int s = section; s >= 0; s = sections[s].parent) chain.insert(chain.begin(), s);
  for (int s : chain) {
    if (!out.empty()) out += " > ";
    out += sections[s].title;
  }
  return out;
}

namespace {

void append_plain_text(const DocNode& node, std::string& out) {
  if (node.type == DocNode::Type::text || node.type == DocNode::Type::code) out += node.text;
  else if (node.type == DocNode::Type::softbreak || node.type == DocNode::Type::linebreak) out += ' ';
  for (const DocNode& child : node.children) append_plain_text(child, out);
}

}  // namespace

std::string plain_text(const DocNode& node) {
  std::string out;
  append_plain_text(node, out);
  return out;
}

}  // namespace rbc
