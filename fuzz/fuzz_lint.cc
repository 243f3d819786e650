// Fuzz target: the lint pipeline as `runbookc lint` runs it.
// bytes -> IR (findings only) -> analysis, every rule, declared danger,
// suppressions -> every reporter. The JSON and SARIF reports must parse.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "linter/driver.h"
#include "fuzz/fuzz_support.h"
#include "compiler/emit/reporters/reporter.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  rbc::fuzz::initialize();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rbc;
  LintRun run;
  run.files.push_back(lint_bytes("fuzz.md", std::string(reinterpret_cast<const char*>(data), size),
                                 fuzz::lint_config(), ParseOptions{.autolink = false, .document = false}));
  std::ostringstream text, json, sarif, github, gitlab;
  report_text(text, run, true);
  report_github(github, run);
  report_json(json, run);
  report_sarif(sarif, run);
  report_gitlab(gitlab, run);
  // An exception escaping here is a finding too: the CLI would report an internal error.
  if (!nlohmann::json::accept(json.str()) || !nlohmann::json::accept(sarif.str()) ||
      !nlohmann::json::accept(gitlab.str()))
    std::abort();
  return 0;
}
