#include "compiler/emit/reporters/reporter.h"

namespace rbc {

ReportSummary summarize(const LintRun& run) {
  ReportSummary s;
  for (const auto& f : run.files) {
    if (!f.error.empty()) continue;
    ++s.files;
    for (BlockKind kind : f.blocks) ++s.blocks[to_string(kind)];
    for (const auto& d : f.diagnostics) {
      switch (d.severity) {
        case Severity::error: ++s.errors; break;
        case Severity::warning: ++s.warnings; break;
        case Severity::note: ++s.notes; break;
      }
      ++s.by_code[d.code];
    }
  }
  return s;
}

}  // namespace rbc
