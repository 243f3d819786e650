#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/cli/commands.h"
#include "compiler/cli/explain_text.h"
#include "linter/rule.h"

namespace rbc {

Runner add_rules_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  app.add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return [format] {
    if (*format == "json") {
      nlohmann::ordered_json rules = nlohmann::ordered_json::array();
      for (const Rule& r : all_rules()) {
        rules.push_back({{"code", r.code},
                         {"name", r.name},
                         {"category", to_string(r.category)},
                         {"severity", to_string(r.severity)},
                         {"opt_in", r.opt_in},
                         {"summary", r.summary},
                         {"what", r.what},
                         {"why", r.why},
                         {"instead", r.instead},
                         {"bad_example", r.bad.markdown},
                         {"good_example", r.good.markdown}});
        if (!r.fix.empty()) rules.back()["fix"] = {{"safe", r.fix_safe}, {"what", r.fix}};
      }
      std::cout << rules.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      return 0;
    }
    for (const Rule& r : all_rules())
      std::cout << fmt::format("{}  {:<34} {:<11} {:<8} {}{}\n", r.code, r.name, to_string(r.category),
                               to_string(r.severity), r.opt_in ? "(opt-in) " : "", r.summary);
    return 0;
  };
}

Runner add_explain_command(CLI::App& app) {
  auto code = std::make_shared<std::string>();
  app.add_option("rule", *code, "Rule code (RB001) or name (bash-syntax)")->type_name("RULE")->required();
  return [code] {
    const Rule* r = find_rule(*code);
    if (!r) {
      std::cerr << "runbookc: error: no rule named " << *code << "; `runbookc rules` lists them\n";
      return 2;
    }
    std::cout << explain_text(*r);
    return 0;
  };
}

}  // namespace rbc
