// `runbookc lint --show-settings FILE`: the configuration a runbook is linted
// under, after the .runbookc.yaml files above it and the command line, and
// where each value came from (ruff's --show-settings).
#include <fmt/format.h>

#include <iostream>

#include "compiler/cli/show_settings.h"
#include "linter/config_resolution.h"
#include "linter/rule.h"

namespace rbc {
namespace {

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return "[" + out + "]";
}

std::string origin_of(const Config& c, const std::string& key) {
  auto it = c.origin.find(key);
  return it == c.origin.end() ? "default" : it->second;
}

}  // namespace

int show_settings(const std::string& file, const LintOptions& options) {
  std::vector<std::string> files{file};
  LintRun run;
  std::vector<std::shared_ptr<const Config>> configs = resolve_configs(files, options, run);
  for (const std::string& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  if (!run.errors.empty()) return 2;
  std::cout << fmt::format("file: {}\n", file);
  if (files.empty()) {
    std::cout << "excluded: yes (an exclude glob of its configuration or --exclude matches it; it is not linted)\n";
    return 0;
  }
  const Config& c = *configs.front();
  std::cout << fmt::format("configuration files: {}\n", c.files.empty() ? "none (the defaults)" : list(c.files));
  std::string rules;
  for (const auto& [code, severity] : c.rule_overrides)
    rules += fmt::format("  {}: {:<8} # {}\n", code, severity ? to_string(*severity) : "off", origin_of(c, "rules." + code));
  std::cout << "rules:" << (rules.empty() ? " {}  # default: every rule at its own severity, opt-in rules off\n" : "\n" + rules);
  if (!c.select.empty()) std::cout << fmt::format("select: {}  # --select\n", list(c.select));
  if (!c.ignore.empty()) std::cout << fmt::format("ignore: {}  # --ignore\n", list(c.ignore));
  std::vector<std::string> ignored_here, off;
  for (const Rule& r : all_rules()) {
    if (!c.enabled(r)) off.emplace_back(r.code);
    else if (c.ignored_in(file, r)) ignored_here.emplace_back(r.code);
  }
  std::cout << fmt::format("per_file_ignores for this file: {}  # {}\n", list(ignored_here), origin_of(c, "per_file_ignores"));
  std::cout << fmt::format("rules that run: {} of {} (off: {})\n", all_rules().size() - off.size() - ignored_here.size(),
                           all_rules().size(), list(off));
  std::vector<std::string> sections;
  for (const RequiredSection& s : c.required_sections) sections.push_back(s.role);
  std::cout << fmt::format("required_sections: {}  # {}\n", list(sections), origin_of(c, "required_sections"));
  std::cout << fmt::format("secret_names: {}  # {}\n", list(c.secret_names), origin_of(c, "secret_names"));
  std::cout << fmt::format("protected_branches: {}  # {}\n", list(c.protected_branches), origin_of(c, "protected_branches"));
  std::cout << fmt::format("exclude: {}  # {}\n", list(c.exclude), origin_of(c, "exclude"));
  std::cout << fmt::format("review_period: {}d  # {}\n", c.review_period_days, origin_of(c, "review_period"));
  std::cout << fmt::format("commands: {}  # {}\n", c.team_commands && !c.team_commands->empty() ? "set" : "none",
                           origin_of(c, "commands"));
  const AlertsConfig& a = c.alerts;
  std::vector<std::string> sources;
  if (a.naming.front_matter) sources.push_back("front_matter");
  if (a.naming.file_name) sources.push_back("file_name");
  if (a.naming.heading) sources.push_back("heading");
  std::cout << fmt::format("alerts: {{sources: {}, name_pattern: {}, annotation: {}, runbook_url: {}}}  # {}\n",
                           list(sources), a.naming.name_pattern_text.empty() ? "none" : "'" + a.naming.name_pattern_text + "'",
                           a.annotation,
                           a.url_base.empty() ? "none"
                                              : fmt::format("{{base: {}, source: {}, case: {}}}", a.url_base, a.url_source,
                                                            a.url_lower_case ? "lower" : "preserve"),
                           origin_of(c, "alerts"));
  std::cout << fmt::format("today: {}  # {}\n", c.today.iso(), options.today.empty() ? "the system date" : "--today");
  return std::cout.flush() ? 0 : 2;
}

}  // namespace rbc
