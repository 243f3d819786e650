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

/// "2 errors, 1 warning, 0 notes in 3 files" or "3 files checked, no
/// findings"; nothing when no file was checked because of errors.
void report_summary_line(std::ostream& out, const LintRun& run);
/// Text as it may reach a terminal: a tab is a space, and each control
/// character one visible code point (U+2400 control pictures such as ␛ for
/// ESC, U+FFFD for C1 controls), so runbook text cannot move the cursor or
/// hide the report, and carets stay under the column they point at.
std::string display_line(std::string_view line);

/// Compiler style: `path:line:col: error: message [RB001 bash-syntax]`, the
/// source line and a caret; ANSI colour only when `color`.
void report_text(std::ostream& out, const LintRun& run, bool color);
/// One line a finding, `path:line:col: severity: message [code name]`, then the summary line.
void report_concise(std::ostream& out, const LintRun& run);
/// --statistics: findings counted per rule, most frequent first; text or JSON.
void report_statistics(std::ostream& out, const LintRun& run, bool json);
/// `{"version": 1, "diagnostics": [...], "summary": {...}}`
void report_json(std::ostream& out, const LintRun& run);
/// SARIF 2.1.0 as GitHub code scanning reads it.
void report_sarif(std::ostream& out, const LintRun& run);
/// GitHub Actions workflow commands (`::error file=...::message`).
void report_github(std::ostream& out, const LintRun& run);

/// GitLab Code Quality: a JSON array of issues, each with `description`,
/// `check_name` (the code), `fingerprint`, `severity` and
/// `location: {path, lines: {begin}}`, the path as given on the command line.
void report_gitlab(std::ostream& out, const LintRun& run);
/// error -> major, warning -> minor, note -> info.
const char* gitlab_severity(Severity severity);
/// The source text a finding points at (its span, else its line), trimmed.
std::string_view offending_text(const FileResult& file, const Diagnostic& d);
/// 16 hex digits of XXH3-64 over path, code and offending text (and the
/// occurrence number when the same code hits the same text again in the
/// file): no line number, so a finding keeps it when lines move.
std::string gitlab_fingerprint(std::string_view path, std::string_view code, std::string_view text,
                               size_t occurrence);
/// One fingerprint per finding of `file`, in order: 16 hex digits of XXH3-64
/// over the rule code, the offending text and the occurrence number (the
/// same code on the same text again in the file). No path and no line: the
/// baseline and SARIF's partialFingerprints key them by file themselves.
std::vector<std::string> finding_fingerprints(const FileResult& file);

}  // namespace rbc
