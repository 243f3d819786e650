// Fuzz target: the script back end as `runbookc build` and `runbookc script`
// run it. bytes -> full IR and findings -> the runbook's scripts (whole
// runbook and incident sections, as build writes them) -> the script of
// each section, as `script --section` makes it.
#include <algorithm>
#include <cstdint>
#include <string>

#include "linter/driver.h"
#include "compiler/emit/script/runbook_scripts.h"
#include "compiler/emit/script/script.h"
#include "fuzz/fuzz_support.h"

namespace {
/// Each section's script costs a pass over the runbook: the first ones are
/// enough to cover the code, and more would only time out on long inputs.
constexpr int kMaxSections = 64;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  rbc::fuzz::initialize();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rbc;
  FileResult file = lint_bytes("fuzz.md", std::string(reinterpret_cast<const char*>(data), size), fuzz::lint_config());
  runbook_scripts(file, "fuzz", ScriptCheck::validate);
  if (file.runbook.binary) return 0;  // nothing is analysed in a file holding NULs
  int sections = std::min(static_cast<int>(file.runbook.sections.size()), kMaxSections);
  for (int section = -1; section < sections; ++section) {
    std::string error;
    generate_script(file.runbook, file.diagnostics, section, &error, ScriptCheck::lenient);
  }
  return 0;
}
