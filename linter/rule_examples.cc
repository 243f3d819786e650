#include "linter/rule_examples.h"

#include "linter/driver.h"

namespace rbc {

Date examples_today() { return *Date::from_ymd(2026, 1, 1); }

std::shared_ptr<const Config> example_config(const Rule& rule, std::string& error) {
  Config config = Config::defaults();
  if (!rule.example_config.empty()) {
    auto parsed = parse_config(rule.example_config, "example-" + std::string(rule.code) + ".yaml", error);
    if (!parsed) return nullptr;
    config = std::move(*parsed);
  }
  config.today = examples_today();
  return std::make_shared<const Config>(std::move(config));
}

std::vector<Diagnostic> example_findings(const Rule& rule, std::string_view markdown,
                                         std::shared_ptr<const Config> config) {
  FileResult result = lint_bytes("example.md", std::string(markdown), std::move(config));
  std::vector<Diagnostic> out;
  for (Diagnostic& d : result.diagnostics)
    if (d.code == rule.code) out.push_back(std::move(d));
  return out;
}

}  // namespace rbc
