#include "compiler/cli/report_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "compiler/base/file_io.h"
#include "compiler/emit/reporters/reporter.h"

namespace rbc {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void write_findings(std::ostream& out, const LintRun& run, const std::string& format, bool color) {
  if (format == "json") report_json(out, run);
  else if (format == "sarif") report_sarif(out, run);
  else if (format == "github") report_github(out, run);
  else if (format == "gitlab") report_gitlab(out, run);
  else if (format == "concise") report_concise(out, run);
  else report_text(out, run, color);
}

int deliver_report(const std::string& report, const std::string& output_file) {
  if (!output_file.empty()) {
    try {
      replace_file(output_file, report);
    } catch (const std::exception& e) {
      std::cerr << "runbookc: error: cannot write the report to " << output_file << ": " << e.what() << "\n";
      return 2;
    }
    return 0;
  }
  std::cout << report;
  std::cout.flush();
  if (!std::cout && errno != EPIPE) {
    std::cerr << "runbookc: error: cannot write the report: " << std::strerror(errno) << "\n";
    return 2;
  }
  return 0;
}

int exit_status(const LintRun& run, const std::string& fail_on) {
  if (!run.errors.empty()) return 2;
  Severity threshold = *severity_from_string(fail_on);
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics)
      if (d.severity >= threshold) return 1;
  return 0;
}

}  // namespace rbc
