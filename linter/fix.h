#pragma once
/// A fix: edits to a file's bytes that remove a finding, carried by the
/// finding itself (ruff's model). `runbookc lint --fix` applies the safe
/// ones; `--unsafe-fixes` adds those that change what a command does.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"
#include "compiler/syntax/source_file.h"

namespace rbc {

/// Replace bytes [span.begin, span.end) of the file by `replacement`
/// (an empty span inserts). `start`/`end` are the same span as 1-based
/// line and column (code points), for JSON and SARIF.
struct TextEdit {
  Span span;
  std::string replacement;
  Position start;
  Position end;
};

struct Fix {
  std::vector<TextEdit> edits;  ///< in file order, not overlapping
  bool safe = true;             ///< false: changes what a command does; needs --unsafe-fixes
  std::string title;            ///< "retag the block as `promql`"
};

}  // namespace rbc

namespace rbc {

struct Diagnostic;

/// What apply_fixes made of a file.
struct AppliedFixes {
  std::string text;      ///< the file with the fixes applied
  unsigned applied = 0;  ///< findings whose fix was applied
};

/// Applies to `text` the fixes the findings carry: the safe ones, and the
/// unsafe ones too when `unsafe`. A fix whose edits overlap an edit already
/// taken (findings in their order) is left for the next pass, as is one with
/// an edit outside the text; the edits are applied back to front so earlier
/// offsets stay valid. Pure: no I/O.
AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings, bool unsafe);

}  // namespace rbc
