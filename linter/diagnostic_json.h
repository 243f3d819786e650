#pragma once
/// A finding as JSON: the one shape `lint --format json`, lint.json and
/// runbooks.json share (DESIGN.md §4).
#include <nlohmann/json.hpp>

#include "linter/diagnostic.h"

namespace rbc {

/// One finding in the documented JSON shape (shared by `lint --format json` and lint.json).
/// With "fix" (fix_to_json) when the finding carries one.
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);

/// {"title", "safe", "edits": [{"line", "column", "end_line", "end_column",
/// "replacement"}]}: positions 1-based, end_column one past the last character
/// replaced (an insertion has end = start).
nlohmann::ordered_json fix_to_json(const Fix& fix);

}  // namespace rbc
