#pragma once
/// `runbookc lint --show-settings FILE`: the resolved configuration of one
/// runbook and where each value came from.
#include <string>

#include "linter/driver.h"

namespace rbc {

/// Prints it to stdout; 2 when a configuration cannot be read.
int show_settings(const std::string& file, const LintOptions& options);

}  // namespace rbc
