#pragma once
/// runbookc's findings in the protocol's words: diagnostics, the code
/// actions that fix or suppress them, the hover that explains them. Pure
/// functions of a linted file, so tests call them without a server.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/cli/lsp/positions.h"
#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"

namespace rbc::lsp {

/// A Range: {start, end}, each {line, character}.
nlohmann::json range_json(const SourceFile& file, Position start, Position end, Encoding encoding);

/// A Diagnostic: range, severity (error 1, warning 2, note 3 = Information),
/// code, source "runbookc", message, and in `data` the rule name, category,
/// help and whether a fix exists.
nlohmann::json diagnostic_json(const Diagnostic& finding, const SourceFile& file, Encoding encoding);

/// Whether `finding` touches the 1-based range [start, end] (a request's
/// range, converted): an empty request range at a finding's end counts.
bool finding_touches(const Diagnostic& finding, Position start, Position end);

/// Code actions (kind "quickfix") for `finding` in the document `uri`:
/// its fix, when it has one (title from the fix, "(unsafe)" added for an
/// unsafe one, preferred when safe), then a suppression comment with an
/// empty reason="" to fill in: `<!-- runbookc-disable-next-block CODE
/// reason="" -->` on its own line above the code block the finding is in,
/// or for a finding in prose `<!-- runbookc-disable CODE reason="" -->`
/// above its first line and `<!-- runbookc-enable CODE -->` below its last.
std::vector<nlohmann::json> code_actions(const Diagnostic& finding, const Runbook& runbook, const std::string& uri,
                                         Encoding encoding);

/// Hover text (plain text) for the findings at a position: each finding's
/// code, name, message and help, then `runbookc explain` of its rule.
std::string hover_text(const std::vector<const Diagnostic*>& findings);

}  // namespace rbc::lsp
