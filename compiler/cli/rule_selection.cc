#include "compiler/cli/rule_selection.h"

namespace rbc {

void add_rule_selection_options(CLI::App& app, RuleSelection& selection) {
  app.add_option("--config", selection.config_file,
                 "Configuration file (default: the .runbookc.yaml files above each runbook)")
      ->type_name("FILE");
  app.add_option("--select", selection.select,
                 "Only these rules: codes (RB301), prefixes (RB3) or names; comma-separated")
      ->type_name("RULES")
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--ignore", selection.ignore, "Skip these rules: codes, prefixes or names; comma-separated")
      ->type_name("RULES")
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void apply_rule_selection(const RuleSelection& selection, LintOptions& options) {
  options.config_file = selection.config_file;
  options.select = selection.select;
  options.ignore = selection.ignore;
}

}  // namespace rbc
