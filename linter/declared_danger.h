#pragma once
/// Declared danger: an author accepts a risky step with `danger="why"` on its
/// fence, or a whole section (and its subsections) with
/// `<!-- runbookc-danger reason="why" -->` under its heading. Matching danger
/// and secret findings are kept, as notes saying "(declared: why)".
#include <vector>

#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"

namespace rbc {

/// Fills Step::declared_danger from fence attributes and section comments.
void resolve_declared_danger(Runbook& runbook);

/// The reason declared for section `section` or an enclosing one; "" when none.
std::string section_declared_danger(const Runbook& runbook, int section);

/// Post-rule pass: danger and secret findings in declared steps or sections
/// become notes with `declared` set.
void apply_declared_danger(const Runbook& runbook, std::vector<Diagnostic>& diagnostics);

}  // namespace rbc
