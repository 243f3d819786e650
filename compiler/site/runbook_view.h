#pragma once
/// What the runbook page renderers read: one linted runbook and where its
/// page stands in the site.
#include <string>
#include <vector>

#include "compiler/ir.h"
#include "linter/diagnostic.h"

namespace rbc::site {

struct RunbookView {
  const Runbook& runbook;
  const std::vector<Diagnostic>& diagnostics;  ///< sorted
  std::string root = "../";                    ///< from the page to the site root
  int title_section = -1;  ///< a level-1 heading shown as the page title (its id goes on the <h1>)
};

}  // namespace rbc::site
