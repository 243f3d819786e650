#include <fmt/format.h>

#include <ostream>

#include "compiler/emit/reporters/reporter.h"

namespace rbc {
namespace {

/// Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void report_github(std::ostream& out, const LintRun& run) {
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics) {
      const char* kind = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
      out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", kind,
                         escape(d.path, true), d.start.line, d.start.column, d.end.line, d.end.column,
                         escape(d.code + " " + d.rule, true),
                         escape(d.help.empty() ? d.message : d.message + ". " + d.help, false));
    }
}

}  // namespace rbc
