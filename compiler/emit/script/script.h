#pragma once
/// The script back end: a runbook (or one of its sections) as an executable
/// bash script. The runtime part (options, prompts, logging) is
/// templates/script_prelude.sh, embedded at build time; this back end emits
/// only data (single-quoted with shell_quote) and one function per step.
#include <string>
#include <vector>

#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"

namespace rbc {

/// The script for the whole runbook (section -1) or for `section` and its
/// subsections. On failure returns "" and sets *error: a step in scope has a
/// syntax finding (RB001/RB002/RB003; the message lists them), or no block
/// in scope can run.
/// How steps are checked before they are made runnable. tree-sitter-bash
/// accepts some text bash rejects, so `validate` runs `bash -n` once on the
/// whole script and, if it fails, falls back to `strict` (bash -n per step).
enum class ScriptCheck { validate, strict, lenient };

std::string generate_script(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics, int section,
                            std::string* error, ScriptCheck check = ScriptCheck::validate);
/// The same from an index built once per runbook (for one script per section).
class PlanIndex;
std::string generate_script(const PlanIndex& index, int section, std::string* error,
                            ScriptCheck check = ScriptCheck::validate);

/// XXH3-64 of the runbook's text, as 16 lower-case hex digits.
std::string content_hash(const Runbook& runbook);

/// The runtime every generated script includes.
const char* script_prelude();

}  // namespace rbc
