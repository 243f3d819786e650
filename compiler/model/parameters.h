#pragma once
/// How a placeholder (`<previous-version>`) becomes a named parameter of a
/// generated script, and the names it goes by in each place.
#include <string>
#include <string_view>

namespace rbc {

struct ParameterNames {
  std::string name;       ///< as on the command line: --param previous-version=...
  std::string shell_var;  ///< variable step bodies expand: RB_PARAM_previous_version
  std::string env_var;    ///< environment fallback: PREVIOUS_VERSION; empty for names
                          ///< the environment always sets (PATH, USER, HOME, ...)
  std::string psql_var;   ///< psql variable in SQL steps: rb_previous_version
};

/// `name` is a placeholder name as the analysis normalizes it (lower-case kebab).
ParameterNames parameter_names(std::string_view name);

}  // namespace rbc
