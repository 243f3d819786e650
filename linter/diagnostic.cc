#include "linter/diagnostic.h"

#include <tuple>

namespace rbc {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

const char* to_string(Category category) {
  switch (category) {
    case Category::syntax: return "syntax";
    case Category::danger: return "danger";
    case Category::secret: return "secret";
    case Category::structure: return "structure";
    case Category::portability: return "portability";
    case Category::alerting: return "alerting";
  }
  return "syntax";
}

std::optional<Severity> severity_from_string(std::string_view name) {
  if (name == "note" || name == "info") return Severity::note;
  if (name == "warning" || name == "warn") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.start.line, a.start.column, a.code, a.end.line, a.end.column, a.message) <
         std::tie(b.path, b.start.line, b.start.column, b.code, b.end.line, b.end.column, b.message);
}

}  // namespace rbc
