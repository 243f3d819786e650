#pragma once
/// --config, --select and --ignore, the same for lint, build and index, so the
/// site's lint report and its index can say what CI's lint says.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "linter/driver.h"

namespace rbc {

struct RuleSelection {
  std::string config_file;
  std::vector<std::string> select, ignore;
};

void add_rule_selection_options(CLI::App& app, RuleSelection& selection);
void apply_rule_selection(const RuleSelection& selection, LintOptions& options);

}  // namespace rbc
