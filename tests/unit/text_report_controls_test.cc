// The text report prints runbook text on a terminal: control characters in
// it are shown as one visible code point each, never sent raw.
#include <doctest/doctest.h>

#include <sstream>

#include "compiler/emit/reporters/reporter.h"
#include "test_support.h"

using namespace rbc;

TEST_CASE("control characters in an excerpt are shown as control pictures, carets aligned") {
  LintRun run;
  run.files.push_back(test::lint("# T\n\n```bash\nrm -rf / # \x1b[2J\x1b[1Ahidden\n```\n"));
  std::ostringstream out;
  report_text(out, run, false);
  std::string text = out.str();
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("t.md:4:8: error: `rm -r /` irreversibly deletes") != std::string::npos);
  CHECK(text.find("4 | rm -rf / # \xe2\x90\x9b[2J\xe2\x90\x9b[1Ahidden\n") != std::string::npos);
  CHECK(text.find("\n  |        ^\n") != std::string::npos);
}
