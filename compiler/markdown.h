#pragma once
/// The markdown front end: the only code that includes cmark-gfm.
/// Bytes in, IR out; problems are recorded in the IR, never thrown.
#include <string>

#include "compiler/ir.h"

namespace rbc {

/// Builds the IR of one runbook. `path` is the name used in findings.
Runbook parse_runbook(std::string path, std::string bytes);

}  // namespace rbc
