// --format concise: one line a finding, then the summary line (ruff's concise form).
#include <fmt/format.h>

#include <ostream>

#include "compiler/emit/reporters/reporter.h"

namespace rbc {

void report_concise(std::ostream& out, const LintRun& run) {
  for (const auto& file : run.files)
    for (const auto& d : file.diagnostics)
      out << fmt::format("{}:{}:{}: {}: {} [{} {}]\n", d.path, d.start.line, d.start.column, to_string(d.severity),
                         display_line(d.message), d.code, d.rule);
  report_summary_line(out, run);
}

}  // namespace rbc
