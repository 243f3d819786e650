// runbookc alerts check RULE_FILES... --runbooks DIR: the alerting rules'
// runbook links against the runbooks (linter/alerts_check.h).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "compiler/base/file_io.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/report_output.h"
#include "compiler/cli/rule_selection.h"
#include "compiler/emit/reporters/reporter.h"
#include "linter/alerts_check.h"
#include "linter/config_resolution.h"

namespace rbc {
namespace fs = std::filesystem;
namespace {

struct AlertsArgs {
  std::vector<std::string> rule_files;
  std::string runbooks;
  std::string format = "text";
  std::string output_file;
  std::string fail_on = "error";
  std::string color = "auto";
  RuleSelection rules;
};

/// The configuration the check runs under: --config FILE alone, else the
/// .runbookc.yaml files above --runbooks DIR (as lint finds them), with
/// --select and --ignore on top; null with `error` set when one is bad.
std::shared_ptr<const Config> check_config(const AlertsArgs& args, std::string& error) {
  std::map<std::string, std::string> memo;
  ConfigTree tree(memo);
  std::shared_ptr<const Config> config;
  if (!args.rules.config_file.empty()) config = tree.load_alone(args.rules.config_file, error);
  else if (std::string found = find_config_file(args.runbooks, &memo); !found.empty()) config = tree.load(found, error);
  else config = default_config();
  if (!config) return nullptr;
  Config c = *config;
  c.select = args.rules.select;
  c.ignore = args.rules.ignore;
  return std::make_shared<const Config>(std::move(c));
}

void write_report(std::ostream& out, const LintRun& run, const AlertsArgs& args) {
  write_findings(out, run, args.format, args.color == "always" || (args.output_file.empty() && use_color(args.color)));
}

int run_check(const AlertsArgs& args) {
  std::error_code ec;
  if (!fs::is_directory(args.runbooks, ec)) {
    std::cerr << "runbookc: error: --runbooks " << args.runbooks << ": not a directory\n";
    return 2;
  }
  std::string error;
  std::shared_ptr<const Config> config = check_config(args, error);
  if (!config) {
    std::cerr << "runbookc: error: " << error << "\n";
    return 2;
  }
  LintOptions options;
  options.config_file = args.rules.config_file;
  LintRun linted = lint_paths({args.runbooks}, options);
  std::vector<RuleFileText> texts;
  std::vector<std::string> errors = linted.errors;
  for (const std::string& path : args.rule_files) {
    RuleFileText text{path, {}};
    if (!fs::is_regular_file(path, ec) || !read_file(path, text.bytes)) {
      errors.push_back(fmt::format("{}: cannot read the rule file", path));
      continue;
    }
    texts.push_back(std::move(text));
  }
  AlertsCheckCounts counts;
  LintRun run = check_alerts(texts, linted.files, *config, &counts);
  run.errors.insert(run.errors.begin(), errors.begin(), errors.end());
  if (config->alerts.url_base.empty())
    run.warnings.push_back("no alerts.runbook_url.base is configured: no runbook URL is checked (RB704 notes them)");
  for (const auto& w : run.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  for (const auto& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  std::cerr << fmt::format(
      "alerts check: {} alerts in {} rule files, {} with {}: {} resolve, {} lead to no runbook, {} to no section, {} "
      "not checked; {} of {} runbooks name alerts, {} names undefined\n",
      counts.alerts, counts.rule_files, counts.with_url, config->alerts.annotation, counts.resolved, counts.no_page,
      counts.no_anchor, counts.outside_base, counts.runbooks_naming, counts.runbooks, counts.undefined_names);
  std::ostringstream report;
  write_report(report, run, args);
  if (deliver_report(report.str(), args.output_file) != 0) return 2;
  return exit_status(run, args.fail_on);
}

}  // namespace

Runner add_alerts_command(CLI::App& app) {
  auto args = std::make_shared<AlertsArgs>();
  app.require_subcommand(1);
  CLI::App* check = app.add_subcommand(
      "check", "Check Prometheus rule files' runbook URLs against the runbooks, and the runbooks' alert names "
               "against the rules");
  check->add_option("rule_files", args->rule_files,
                    "Prometheus, Thanos or Mimir rule files, or Kubernetes PrometheusRule objects (YAML)")
      ->type_name("RULE_FILE")
      ->required();
  check->add_option("--runbooks", args->runbooks, "Directory of the runbooks the rules link to (walked like lint)")
      ->type_name("DIR")
      ->required();
  check->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "concise", "json", "sarif", "github", "gitlab"}))
      ->capture_default_str();
  check->add_option("--output-file", args->output_file, "Write the report to this file (atomically) instead of stdout")
      ->type_name("FILE");
  check->add_option("--fail-on", args->fail_on, "Exit 1 when a finding at or above this severity is reported")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->capture_default_str();
  check->add_option("--color", args->color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  add_rule_selection_options(*check, args->rules);
  check->footer(
      "URLs map to runbooks through `alerts.runbook_url` (base, source, case) in .runbookc.yaml: --config FILE, else "
      "the one above --runbooks DIR.\nExit status: 0 no finding at or above --fail-on, 1 findings at or above it, 2 "
      "usage or I/O error, or a rule file that is not YAML or has no groups.");
  return [args, check] { return check->parsed() ? run_check(*args) : 2; };
}

}  // namespace rbc
