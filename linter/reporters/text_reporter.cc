#include <fmt/format.h>

#include <ostream>

#include "linter/reporters/reporter.h"

namespace rbc {
namespace {

const char* color_of(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::note: return "\x1b[1;36m";
  }
  return "";
}

/// The source line with tabs shown as single spaces, so the caret lines up.
std::string display_line(std::string_view line) {
  std::string out(line);
  for (char& c : out)
    if (c == '\t') c = ' ';
  return out;
}

}  // namespace

void report_text(std::ostream& out, const LintRun& run, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* dim = color ? "\x1b[2m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  for (const auto& file : run.files) {
    for (const auto& d : file.diagnostics) {
      out << fmt::format("{}{}:{}:{}:{} {}{}:{} {}{} [{} {}]{}\n", bold, d.path, d.start.line, d.start.column, reset,
                         color ? color_of(d.severity) : "", to_string(d.severity), reset, bold, d.message, d.code,
                         d.rule, reset);
      std::string_view line = file.runbook.source ? file.runbook.source->line_text(d.start.line) : std::string_view();
      if (!line.empty()) {
        std::string gutter = std::to_string(d.start.line);
        out << fmt::format("{}{} |{} {}\n", dim, gutter, reset, display_line(line));
        uint32_t width = d.end.line == d.start.line && d.end.column > d.start.column ? d.end.column - d.start.column : 1;
        uint32_t line_chars = count_code_points(line);
        if (d.start.column - 1 + width > line_chars + 1) width = std::max<uint32_t>(1, line_chars + 1 - (d.start.column - 1));
        out << fmt::format("{}{} |{} {}{}{}{}\n", dim, std::string(gutter.size(), ' '), reset,
                           std::string(d.start.column - 1, ' '), color ? color_of(d.severity) : "",
                           "^" + std::string(width - 1, '~'), reset);
      }
      if (!d.help.empty()) out << fmt::format("  = help: {}\n", d.help);
      out << fmt::format("  = see: runbookc explain {}\n", d.code);
    }
  }
  ReportSummary s = summarize(run);
  if (s.errors + s.warnings + s.notes == 0) {
    out << fmt::format("{} file{} checked, no findings\n", s.files, s.files == 1 ? "" : "s");
  } else {
    out << fmt::format("{} error{}, {} warning{}, {} note{} in {} file{}\n", s.errors, s.errors == 1 ? "" : "s",
                       s.warnings, s.warnings == 1 ? "" : "s", s.notes, s.notes == 1 ? "" : "s", s.files,
                       s.files == 1 ? "" : "s");
  }
}

}  // namespace rbc
