#pragma once
/// Where a generated script would let bash evaluate a parameter's value as
/// arithmetic. Bash expands array subscripts inside an arithmetic expression,
/// so a value such as `a[$(cmd)]` runs `cmd` wherever the value is evaluated:
/// `$(( ))`, `(( ))`, `for (( ))`, `[[ -eq/-ne/-lt/-le/-gt/-ge ]]`, `let`,
/// `declare -i`, `${var:offset:length}` and array subscripts; and also through
/// a variable that holds the value (`n=<n>` ... `$(( n + 1 ))`), since bash
/// evaluates a variable's value when an expression names it. Such parameters
/// must be plain integers.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rbc {

struct ArithmeticFacts {
  /// Shell variables (`RB_PARAM_x`) expanded directly in an arithmetic context.
  std::set<std::string> evaluated;
  /// Other variables an arithmetic context reads, or that are declared
  /// integer (`declare -i n`): a value assigned to them is evaluated.
  std::set<std::string> arithmetic_variables;
  /// Shell variables (`RB_PARAM_x`) standing where a builtin takes a variable
  /// name (`unset`, `read`, `printf -v`, `declare`, `[[ -v ]]`...): bash
  /// evaluates a subscript in a name too, and no value there is safe.
  std::set<std::string> as_names;
  /// Assignments: variable -> the variables its value is built from.
  std::map<std::string, std::set<std::string>> assigned_from;
};

/// One parse of a shell step's code as the script runs it, for everything the
/// script needs from a tree: where values meet arithmetic, and whether
/// tree-sitter-bash accepts the text at all.
struct ShellCodeParse {
  ArithmeticFacts arithmetic;
  bool accepted = false;  ///< no ERROR or MISSING node (false when the parse timed out)
};

/// `code` is parsed with tree-sitter-bash, with `"${RB_PARAM_x}"` unquoted
/// (tree-sitter misparses some quoted expansions bash accepts, `${s:"${x}"}`;
/// the quotes change neither arithmetic nor syntax); array subscripts are
/// also found in the text, as tree-sitter does not see every one
/// (`unset 'a[i]'`, `( [i]=x )`).
ShellCodeParse parse_shell_code(const std::string& code);

/// parse_shell_code(code).arithmetic.
ArithmeticFacts arithmetic_facts(const std::string& code);

/// Of `variables` (`RB_PARAM_x` names), those whose value bash may evaluate as
/// arithmetic in any of `steps`, directly or through assignments in any step
/// (the session carries variables from one step to the next).
std::set<std::string> evaluated_variables(const std::vector<const ArithmeticFacts*>& steps,
                                          const std::set<std::string>& variables);

}  // namespace rbc
