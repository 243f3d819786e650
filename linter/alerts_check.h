#pragma once
/// `runbookc alerts check`: the other end of a runbook, the alerting rules
/// that link to it. Findings (RB7xx, category alerting) sit in the rule files
/// (an alert with no runbook URL, a URL that leads to no runbook or to no
/// section of it, a URL outside the mapped site) and in the runbooks (an
/// alert named there that no rule file defines). A pure function of the
/// texts and the IR given: the command does the reading.
#include <string>
#include <vector>

#include "linter/config.h"
#include "linter/driver.h"

namespace rbc {

struct RuleFileText {
  std::string path;
  std::string bytes;
};

/// What the check saw, for the summary line and the benchmarks.
struct AlertsCheckCounts {
  size_t rule_files = 0;
  size_t alerts = 0;           ///< alerting rules read (an alert defined twice counts twice)
  size_t with_url = 0;         ///< with the configured annotation
  size_t outside_base = 0;     ///< URLs not under runbook_url.base: not checked
  size_t resolved = 0;         ///< to a runbook, and to a section of it when the URL has an anchor
  size_t no_page = 0;
  size_t no_anchor = 0;
  size_t runbooks = 0;         ///< runbooks read
  size_t runbooks_naming = 0;  ///< runbooks that name at least one alert
  size_t undefined_names = 0;  ///< alert names in runbooks that no rule file defines
};

/// Checks `rule_files` against `runbooks` (linted with their IR kept) under
/// `config`'s `alerts:` settings and rule severities. Rule files that cannot
/// be read as rules are errors in the run ("FILE:LINE:COL: ..."), and the
/// others are still checked. One FileResult per file with findings, sorted.
LintRun check_alerts(const std::vector<RuleFileText>& rule_files, const std::vector<FileResult>& runbooks,
                     const Config& config, AlertsCheckCounts* counts = nullptr);

}  // namespace rbc
