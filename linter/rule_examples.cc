#include "linter/rule_examples.h"

#include "linter/driver.h"

namespace rbc {

std::shared_ptr<const Config> example_config(const Rule& rule, std::string& error) {
  if (rule.example_config.empty()) return default_config();
  auto config = parse_config(rule.example_config, "example-" + std::string(rule.code) + ".yaml", error);
  if (!config) return nullptr;
  return std::make_shared<const Config>(std::move(*config));
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
