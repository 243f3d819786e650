#pragma once
/// A finding, as every reporter and back end receives it (DESIGN.md §4).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/syntax/ir.h"
#include "linter/fix.h"

namespace rbc {

enum class Severity { note = 0, warning = 1, error = 2 };
enum class Category { syntax, danger, secret, structure, portability, alerting };

const char* to_string(Severity severity);
const char* to_string(Category category);
std::optional<Severity> severity_from_string(std::string_view name);

struct Diagnostic {
  std::string path;
  Position start;  ///< 1-based line and column (code points)
  Position end;    ///< 1-based; end.column is one past the last character (as in SARIF)
  Span span;       ///< byte offsets in the file
  Severity severity = Severity::error;
  std::string code;  ///< RBnnn
  std::string rule;  ///< kebab-case name
  Category category = Category::syntax;
  std::string message;  ///< what is wrong and what would happen
  std::string help;     ///< how to fix it
  int step = -1;        ///< index of the code block it is in, -1 for prose
  bool declared = false;  ///< downgraded because the author declared the danger
  std::optional<Fix> fix;  ///< edits that remove the finding, when the rule knows them
};

/// Orders findings by file, line, column, code: the order every output uses.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace rbc
