#pragma once
/// The analysis phase: normalize, parse (tree-sitter-bash, libpg_query,
/// tree-sitter-sql) and record facts in each Step. Rules read only facts.
#include "compiler/syntax/ir.h"

namespace rbc {

/// Fills `step.facts` for every code block of `runbook`.
void analyze(Runbook& runbook);

/// The same for one step (exposed for tests).
void analyze_step(Step& step);

}  // namespace rbc
