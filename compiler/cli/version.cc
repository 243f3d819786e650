#include <fmt/format.h>

#include "build_commit.h"  // generated on every build (cmake/write_build_commit.cmake)
#include "compiler/cli/cli_app.h"
#include "compiler/languages/parser_versions.h"

namespace rbc {

std::string version_text() {
  std::string text = fmt::format("runbookc {} (commit {})", RUNBOOKC_VERSION, RUNBOOKC_COMMIT);
  for (const ParserVersion& p : parser_versions()) text += fmt::format("\n  {:<17} {}", p.name, p.version);
  return text;
}

}  // namespace rbc
