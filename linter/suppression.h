#pragma once
/// Suppression comments, in the conventions users know from eslint and ruff:
///   <!-- runbookc-disable RB201 reason="..." --> ... <!-- runbookc-enable RB201 -->
///   <!-- runbookc-disable-next-block RB201 -->     (the next code block; no codes = all rules)
///   <!-- runbookc-disable-file RB301 -->
///   # runbookc: disable=RB301 reason="..."         (shell: its own line, or the line before)
///   -- runbookc: disable=RB208                     (SQL)
/// Codes or kebab names, comma-separated. Findings they cover are removed;
/// a suppression hiding an error without a reason (RB410) and one that hid
/// nothing (RB411) are findings themselves.
#include <vector>

#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"

namespace rbc {

struct Config;

/// Post-rule pass over one runbook's findings (run after declared danger),
/// linted under `config` (which decides whether RB410/RB411 report).
void apply_suppressions(const Runbook& runbook, const Config& config, std::vector<Diagnostic>& diagnostics);

}  // namespace rbc
