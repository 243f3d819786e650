#pragma once
#include <map>
#include <string>
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
  /// Runbooks of the same build, normalized source path → page id: relative
  /// links to them (`db.md#lock-storm`) point at their pages instead.
  const std::map<std::string, std::string>* pages = nullptr;
};

}  // namespace rbc::site
