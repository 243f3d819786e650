#include <nlohmann/json.hpp>

#include <ostream>

#include "linter/reporters/reporter.h"
#include "linter/reporters/json_diagnostic.h"

namespace rbc {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  return {{"file", d.path},
          {"line", d.start.line},
          {"column", d.start.column},
          {"end_line", d.end.line},
          {"end_column", d.end.column},
          {"severity", to_string(d.severity)},
          {"code", d.code},
          {"rule", d.rule},
          {"category", to_string(d.category)},
          {"message", d.message},
          {"help", d.help}};
}

void report_json(std::ostream& out, const LintRun& run) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics) diagnostics.push_back(diagnostic_to_json(d));
  ReportSummary s = summarize(run);
  nlohmann::ordered_json by_code = nlohmann::ordered_json::object();
  for (const auto& [code, n] : s.by_code) by_code[code] = n;
  nlohmann::ordered_json blocks = nlohmann::ordered_json::object();
  for (const auto& [kind, n] : s.blocks) blocks[kind] = n;
  nlohmann::ordered_json doc = {{"version", 1},
                                {"diagnostics", diagnostics},
                                {"summary",
                                 {{"files", s.files},
                                  {"errors", s.errors},
                                  {"warnings", s.warnings},
                                  {"notes", s.notes},
                                  {"by_code", by_code},
                                  {"blocks", blocks},
                                  {"io_errors", run.errors}}}};
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace rbc
