#include "linter/rule_examples.h"

#include <filesystem>

#include "linter/alerts_check.h"
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

namespace {

/// The other end of an alerting rule's example, and the site mapping both assume.
constexpr std::string_view kExampleRunbook = "# ExampleJobDown\n\n## Mitigation\n\nRestart the job.\n";
constexpr std::string_view kExampleRules =
    "groups:\n  - name: example\n    rules:\n      - alert: ExampleJobDown\n        expr: up == 0\n"
    "        annotations:\n          runbook_url: https://runbooks.example.com/examplejobdown\n";

std::vector<Diagnostic> alerting_example_findings(std::string_view example, std::shared_ptr<const Config> config) {
  Config c = *config;
  c.alerts.url_base = "https://runbooks.example.com/";
  std::error_code ec;
  c.alerts.url_source = (std::filesystem::current_path(ec) / "runbooks").string();
  c.alerts.url_lower_case = true;
  auto shared = std::make_shared<const Config>(c);
  bool is_rule_file = example.starts_with("groups:");
  std::vector<FileResult> runbooks;
  runbooks.push_back(lint_bytes(is_rule_file ? "runbooks/ExampleJobDown.md" : "runbooks/example.md",
                                std::string(is_rule_file ? kExampleRunbook : example), shared));
  std::vector<RuleFileText> rules = {{"example.yaml", std::string(is_rule_file ? example : kExampleRules)}};
  LintRun run = check_alerts(rules, runbooks, c);
  std::vector<Diagnostic> out;
  for (FileResult& f : run.files)
    for (Diagnostic& d : f.diagnostics)
      if (is_rule_file == (f.path == "example.yaml")) out.push_back(std::move(d));
  return out;
}

}  // namespace

std::vector<Diagnostic> example_findings(const Rule& rule, std::string_view markdown,
                                         std::shared_ptr<const Config> config) {
  if (rule.category == Category::alerting) {
    std::vector<Diagnostic> found = alerting_example_findings(markdown, std::move(config));
    std::erase_if(found, [&](const Diagnostic& d) { return d.code != rule.code; });
    return found;
  }
  FileResult result = lint_bytes("example.md", std::string(markdown), std::move(config));
  std::vector<Diagnostic> out;
  for (Diagnostic& d : result.diagnostics)
    if (d.code == rule.code) out.push_back(std::move(d));
  return out;
}

}  // namespace rbc
