// compiler/emit/reporters/json_reporter.cc writes its JSON directly: it must be
// byte for byte what nlohmann's dump(2) makes of the same document.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "linter/driver.h"
#include "linter/diagnostic_json.h"
#include "compiler/emit/reporters/reporter.h"
#include "test_support.h"

using namespace rbc;

namespace {

std::string via_tree(const LintRun& run) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics) diagnostics.push_back(diagnostic_to_json(d));
  ReportSummary s = summarize(run);
  nlohmann::ordered_json by_code = nlohmann::ordered_json::object(), blocks = nlohmann::ordered_json::object();
  for (const auto& [code, n] : s.by_code) by_code[code] = n;
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
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string written(const LintRun& run) {
  std::ostringstream out;
  report_json(out, run);
  return out.str();
}

}  // namespace

TEST_CASE("lint --format json: the written report equals the dumped JSON tree") {
  LintRun run;
  run.files.push_back(test::lint("# T \"quoted\" \\ \xc3\xa9\n\n```bash\nredis-cli FLUSHDB\necho $DB_PASSWORD\n```\n", "a \"b\".md"));
  run.files.push_back(test::lint("# Clean\n"));
  REQUIRE(run.files[0].diagnostics.size() >= 2);
  CHECK(written(run) == via_tree(run));
  run.errors = {"x.md: cannot open: Permission denied", "tab\there", std::string("ctl \x01\x1f\x7f \\ \" \b\f\r\n end")};
  CHECK(written(run) == via_tree(run));
  LintRun empty;
  CHECK(written(empty) == via_tree(empty));
  // Findings with a fix (their "fix" object) keep the same layout.
  LintRun fixable;
  fixable.files.push_back(test::lint("# T\n\n```\nrm -rf /var/cache/app\n```\n\n```bash\necho \"unclosed\n```\n"));
  REQUIRE(fixable.files[0].diagnostics.size() == 2);
  REQUIRE(fixable.files[0].diagnostics[0].fix);
  CHECK(written(fixable) == via_tree(fixable));
}
