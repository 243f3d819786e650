#pragma once
/// A finding as JSON: the one shape `lint --format json`, lint.json and
/// runbooks.json share (DESIGN.md §4).
#include <nlohmann/json.hpp>

#include "linter/diagnostic.h"

namespace rbc {

/// One finding in the documented JSON shape (shared by `lint --format json` and lint.json).
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);

}  // namespace rbc
