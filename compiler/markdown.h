#pragma once
/// The markdown front end: the only code that includes cmark-gfm.
/// Bytes in, IR out; problems are recorded in the IR, never thrown.
#include <string>

#include "compiler/ir.h"

namespace rbc {

struct ParseOptions {
  /// Bare URLs become links (GFM autolinks). Only the HTML needs them: no
  /// check reads an autolink, so a lint skips the extension's cost.
  bool autolink = true;
  /// Build `Runbook::document`, the tree the HTML and the scripts read.
  /// Sections, steps, links and comments are recorded either way.
  bool document = true;
};

/// Builds the IR of one runbook. `path` is the name used in findings.
Runbook parse_runbook(std::string path, std::string bytes, const ParseOptions& options = {});

}  // namespace rbc
