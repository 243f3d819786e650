// --statistics: how many findings each rule made, most frequent first (ruff's
// --statistics), so a team adopting runbookc sees where the findings are.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "compiler/emit/reporters/reporter.h"
#include "linter/rule.h"

namespace rbc {

void report_statistics(std::ostream& out, const LintRun& run, bool json) {
  struct Row {
    std::string code, name;
    Severity severity;
    size_t count = 0;
  };
  std::vector<Row> rows;
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics) {
      auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.code == d.code && r.severity == d.severity; });
      if (it == rows.end()) rows.push_back({d.code, d.rule, d.severity, 1});
      else ++it->count;
    }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.count != b.count ? a.count > b.count : a.code < b.code;
  });
  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Row& r : rows)
      list.push_back({{"code", r.code}, {"name", r.name}, {"severity", to_string(r.severity)}, {"count", r.count}});
    out << nlohmann::ordered_json{{"version", 1}, {"statistics", list}, {"files", summarize(run).files}}.dump(2) << "\n";
    return;
  }
  for (const Row& r : rows)
    out << fmt::format("{:>6}  {}  {:<34} {}\n", r.count, r.code, r.name, to_string(r.severity));
  report_summary_line(out, run);
}

}  // namespace rbc
