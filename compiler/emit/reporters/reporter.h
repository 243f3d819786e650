#pragma once
/// Reporters: one output format per file, each a pure function of the run.
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "linter/driver.h"

namespace rbc {

struct ReportSummary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
  std::map<std::string, size_t> by_code;
  /// Code blocks by kind (shell, console, postgres, ...), for false-alarm rates.
  std::map<std::string, size_t> blocks;
};

ReportSummary summarize(const LintRun& run);

/// Compiler style: `path:line:col: error: message [RB001 bash-syntax]`, the
/// source line and a caret; ANSI colour only when `color`.
void report_text(std::ostream& out, const LintRun& run, bool color);
/// `{"version": 1, "diagnostics": [...], "summary": {...}}`
void report_json(std::ostream& out, const LintRun& run);
/// SARIF 2.1.0 as GitHub code scanning reads it.
void report_sarif(std::ostream& out, const LintRun& run);
/// GitHub Actions workflow commands (`::error file=...::message`).
void report_github(std::ostream& out, const LintRun& run);

}  // namespace rbc
