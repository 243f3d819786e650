#include <fmt/format.h>

#include <ostream>

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

void report_summary_line(std::ostream& out, const LintRun& run) {
  ReportSummary s = summarize(run);
  if (s.files == 0 && !run.errors.empty()) return;  // the errors on stderr say it all
  auto plural = [](size_t n) { return n == 1 ? "" : "s"; };
  if (s.errors + s.warnings + s.notes == 0)
    out << fmt::format("{} file{} checked, no findings\n", s.files, plural(s.files));
  else
    out << fmt::format("{} error{}, {} warning{}, {} note{} in {} file{}\n", s.errors, plural(s.errors), s.warnings,
                       plural(s.warnings), s.notes, plural(s.notes), s.files, plural(s.files));
}

}  // namespace rbc
