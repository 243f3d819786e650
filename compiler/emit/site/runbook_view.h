#pragma once
#include <map>
#include <string>
/// What the runbook page renderers read: one linted runbook and where its
/// page stands in the site.
#include <string>
#include <vector>

#include "compiler/syntax/ir.h"
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

  /// Findings about step `step`, in the order of `diagnostics` (indexed once:
  /// a scan of every finding per code block was quadratic).
  const std::vector<const Diagnostic*>& findings_of(int step) const {
    if (by_step_.empty() && !diagnostics.empty()) {
      by_step_.resize(runbook.steps.size());
      for (const Diagnostic& d : diagnostics)
        if (d.step >= 0 && static_cast<size_t>(d.step) < by_step_.size()) by_step_[d.step].push_back(&d);
    }
    static const std::vector<const Diagnostic*> none;
    return step >= 0 && static_cast<size_t>(step) < by_step_.size() ? by_step_[step] : none;
  }

  mutable std::vector<std::vector<const Diagnostic*>> by_step_ = {};  ///< filled by findings_of (an aggregate: public)
};

}  // namespace rbc::site
