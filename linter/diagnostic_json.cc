#include "linter/diagnostic_json.h"

namespace rbc {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  return {{"file", d.path},
          {"line", d.start.line},
          {"column", d.start.column},
          {"end_line", d.end.line},
          {"end_column", d.end.column},
          {"severity", to_string(d.severity)},
          {"code", d.code},
          {"rule", d.rule},
          {"category", to_string(d.category)},
          {"message", d.message},
          {"help", d.help}};
}

}  // namespace rbc
