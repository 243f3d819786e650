#include "linter/diagnostic_json.h"

namespace rbc {

nlohmann::ordered_json fix_to_json(const Fix& fix) {
  nlohmann::ordered_json edits = nlohmann::ordered_json::array();
  for (const TextEdit& e : fix.edits)
    edits.push_back({{"line", e.start.line},
                     {"column", e.start.column},
                     {"end_line", e.end.line},
                     {"end_column", e.end.column},
                     {"replacement", e.replacement}});
  return {{"title", fix.title}, {"safe", fix.safe}, {"edits", std::move(edits)}};
}

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  nlohmann::ordered_json out = {{"file", d.path},
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
  if (d.fix) out["fix"] = fix_to_json(*d.fix);
  return out;
}

}  // namespace rbc
