#pragma once
/// What every back end says about a runbook beyond its IR, worked out once
/// per runbook by one function each, so the script, the page, runbooks.json
/// and the findings never disagree: its title, its review status and the
/// names its sections are listed by.
#include <string>
#include <utility>
#include <vector>

#include "compiler/base/date.h"
#include "compiler/model/review_status.h"
#include "compiler/syntax/ir.h"

namespace rbc {

struct ModelOptions {
  Date today = today_local();
  int default_review_period_days = 180;  ///< .runbookc.yaml `review_period`
};

struct RunbookModel {
  std::string title;
  ReviewStatus review;
  /// Each alert named in the metadata, once, in order, with the anchor of the
  /// first section whose title mentions it ("" when none does).
  std::vector<std::pair<std::string, std::string>> alert_anchors;
};

/// The front matter's `title`, else the first level-1 heading, else the file
/// name in `path`: a runbook that starts at `## Diagnosis` is not titled
/// "Diagnosis".
std::string runbook_title(const Runbook& runbook, std::string_view path);

/// A section as lists name it, with the incident it belongs to: its heading
/// path joined by " › ", leaving out the runbook's title heading (the one
/// level-1 heading that holds it): "P1-001 Auth down › Diagnostic".
std::string section_label(const Runbook& runbook, int section);

RunbookModel make_runbook_model(const Runbook& runbook, const ModelOptions& options);

}  // namespace rbc
