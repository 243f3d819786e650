#pragma once
/// The analysis phase: normalize, parse (tree-sitter-bash, libpg_query,
/// tree-sitter-sql) and record facts in each Step. Rules read only facts.
#include "compiler/syntax/ir.h"

namespace rbc {

class TeamCommands;

/// Fills `step.facts` for every code block of `runbook`. `team`: the
/// aliases, wrappers and commands of `.runbookc.yaml`, when there are any.
void analyze(Runbook& runbook, const TeamCommands* team = nullptr);

/// The same for one step (exposed for tests).
void analyze_step(Step& step, const TeamCommands* team = nullptr);

}  // namespace rbc
