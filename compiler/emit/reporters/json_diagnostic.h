#pragma once
#include <nlohmann/json.hpp>

#include "linter/diagnostic.h"

namespace rbc {

/// One finding in the documented JSON shape (shared by `lint --format json` and lint.json).
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);

}  // namespace rbc
