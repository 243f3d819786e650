#pragma once
/// What `lint` and `alerts check` share once their findings are in a LintRun:
/// the report in the chosen format, where it goes, and the exit status.
#include <ostream>
#include <string>

#include "linter/driver.h"

namespace rbc {

/// --color MODE: "always", "never", or "auto" (standard output is a
/// terminal and NO_COLOR is not set).
bool use_color(const std::string& mode);

/// The findings in `format` (json, sarif, github, gitlab, concise; anything
/// else is text, coloured when `color`).
void write_findings(std::ostream& out, const LintRun& run, const std::string& format, bool color);

/// Writes `report` to `output_file` (atomically) or, when that is empty, to
/// standard output; 0, or 2 with a message when it cannot be written. A
/// reader that stopped early (`lint | head`) is not an error.
int deliver_report(const std::string& report, const std::string& output_file);

/// 2 when a file could not be read, 1 when a finding reaches `fail_on`, else 0.
int exit_status(const LintRun& run, const std::string& fail_on);

}  // namespace rbc
