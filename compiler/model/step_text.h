#pragma once
/// Turns one code block into what a generated script runs and shows.
///
/// Placeholders become named parameters whose values are inserted as data,
/// never re-parsed as code by the script itself:
/// - shell, unquoted: `"${RB_PARAM_x}"` (one word, any value);
/// - shell, inside "..." / '...' / $'...' / an unquoted heredoc, or in a step
///   that hands text to another shell (ssh, bash -c): `${RB_PARAM_x}` spliced
///   into text another program parses (SQL, a remote shell, awk); the script
///   then accepts only "plain" values (letters, digits, _ . , : / @ % + -,
///   no "--") and stops with exit 2 otherwise;
/// - SQL run by psql: psql variables passed with `-v`: `:'rb_x'` (a literal,
///   psql quotes it), `:"rb_x"` after FROM/JOIN/UPDATE/... (an identifier);
///   a placeholder inside a longer literal ('%<name>%') builds the literal
///   with `\set` first;
/// - places where no safe form exists (a quoted heredoc, a dollar-quoted SQL
///   body, a MySQL or Redis block) make the step "shown, not run".
/// Placeholders in comments are left as written and need no value.
///
/// Where a placeholder stands is read from parse trees, not from the text:
/// for shell, the quoting the analysis found in the step's tree-sitter-bash
/// tree (Placeholder::quoting); for SQL, PostgreSQL's scanner tokens. A shell
/// step whose tree cannot be trusted where a placeholder stands is shown.
#include <string>
#include <vector>

#include "compiler/model/arithmetic_context.h"
#include "compiler/model/fill_text.h"
#include "compiler/syntax/ir.h"

namespace rbc {

struct RenderedStep {
  std::string runner;  ///< "shell", "psql", "mysql", "redis" or "show"
  std::string note;    ///< for "show": why the block is not run
  std::string code;    ///< shell: the function body; psql/mysql/redis: standard input
  std::vector<Segment> display;       ///< the commands as shown, values in place
  std::vector<std::string> params;    ///< parameter names, in order of first use
  std::vector<std::string> spliced;   ///< of those, the ones that need plain values
  ArithmeticFacts arithmetic;         ///< shell: where bash would evaluate values as arithmetic
};

/// `strict`: confirm every shell step with `bash -n` (a process each); else
/// tree-sitter decides and bash only confirms what it rejects.
RenderedStep render_step(const Step& step, bool strict = false);

/// `name() { body }` as the script holds a shell step.
std::string shell_function(const std::string& name, const std::string& body);

}  // namespace rbc
