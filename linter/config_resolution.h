#pragma once
/// Which configuration each runbook is linted under: `--config FILE`, else the
/// nearest `.runbookc.yaml` above the file, else the defaults; then the CLI's
/// --select/--ignore/--today on top. Configuration files are read once each.
#include <memory>
#include <string>
#include <vector>

#include "linter/driver.h"
#include "linter/config.h"

namespace rbc {

/// One config per entry of `files`; files matching their config's `exclude`
/// are removed from `files`. A bad config or option is added to `run.errors`
/// ("FILE:LINE: ...") and an empty vector returned.
std::vector<std::shared_ptr<const Config>> resolve_configs(std::vector<std::string>& files, const LintOptions& options,
                                                           LintRun& run);

/// Checks --select/--ignore/--today; returns "" or what is wrong.
std::string check_cli_overrides(const LintOptions& options);

}  // namespace rbc
