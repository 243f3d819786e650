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
    case BlockKind::other: return "other";
  }
  return "none";
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

}  // namespace rbc
