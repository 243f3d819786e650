#pragma once
/// The markdown front end: the only code that includes cmark-gfm.
/// Bytes in, IR out; problems are recorded in the IR, never thrown.
#include <cstdint>
#include <optional>
#include <string>

#include "compiler/syntax/ir.h"

namespace rbc {

struct AlertNaming;

struct ParseOptions {
  /// Bare URLs become links (GFM autolinks). Only the HTML needs them: no
  /// check reads an autolink, so a lint skips the extension's cost.
  bool autolink = true;
  /// Build `Runbook::document`, the tree the HTML and the scripts read.
  /// Sections, steps, links and comments are recorded either way.
  bool document = true;
  /// Which conventions name the runbook's alerts; null: the defaults
  /// (compiler/syntax/alert_names.h). Must outlive the parse.
  const AlertNaming* alert_naming = nullptr;
};

/// How deep lists, block quotes, links and emphasis nest in
/// Runbook::document: deeper containers are dropped and their content put in
/// the last one kept, so that every walk over the tree (rendering, scripts,
/// destruction) is bounded however deep the Markdown nests.
constexpr int kMaxNesting = 32;

/// What the front end noticed that the IR does not keep.
struct ParseNotes {
  /// File offset of the first container nested deeper than kMaxNesting
  /// (RB007); none when the nesting fits.
  std::optional<uint32_t> flattened_at;
};

/// Builds the IR of one runbook. `path` is the name used in findings.
Runbook parse_runbook(std::string path, std::string bytes, const ParseOptions& options = {},
                      ParseNotes* notes = nullptr);

}  // namespace rbc
