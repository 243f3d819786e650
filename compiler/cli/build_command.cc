#include <unistd.h>

#include <iostream>
#include <memory>

#include "compiler/cli/commands.h"
#include "compiler/cli/rule_selection.h"
#include "compiler/cli/site_build.h"

namespace rbc {
namespace {

struct BuildArgs {
  site::BuildOptions options;
  RuleSelection rules;
  std::string fail_on;
};

int run_build(BuildArgs& args) {
  args.options.progress = isatty(STDERR_FILENO);
  args.options.config_file = args.rules.config_file;
  args.options.select = args.rules.select;
  args.options.ignore = args.rules.ignore;
  site::BuildReport report = site::build_site(args.options);
  for (const auto& w : report.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  for (const auto& e : report.errors) std::cerr << "runbookc: error: " << e << "\n";
  if (!report.errors.empty()) return 2;
  std::cerr << "runbookc: built " << args.options.output << ": " << report.runbooks << " runbooks (" << report.rendered
            << " rendered, " << report.reused << " unchanged)\n";
  if (!args.fail_on.empty() && report.worst && *report.worst >= *severity_from_string(args.fail_on)) return 1;
  return 0;
}

}  // namespace

Runner add_build_command(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();
  site::BuildOptions& o = args->options;
  app.add_option("paths", o.paths, "Runbook files or directories (walked for *.md); default: .")->type_name("PATH");
  app.add_option("-o,--output", o.output, "Directory the site is written to (replaced atomically)")
      ->type_name("DIR")
      ->capture_default_str();
  app.add_option("--title", o.info.title, "Site title")->capture_default_str();
  app.add_option("--base-url", o.base_url, "Absolute URL the site is published at (used in alerts.json)");
  app.add_option("--today", o.today, "Date (YYYY-MM-DD) overdue reviews are judged against; default: the system date");
  app.add_option("--fail-on", args->fail_on, "Exit 1 when a finding at or above this severity exists (the site is still written)")
      ->check(CLI::IsMember({"error", "warning", "note"}));
  app.add_option("-j,--jobs", o.jobs, "Files processed in parallel (default: one per core)");
  add_rule_selection_options(app, args->rules);
  app.footer("Exit status: 0 built, 1 findings at or above --fail-on, 2 usage or I/O error (previous site left intact).");
  return [args] { return run_build(*args); };
}

}  // namespace rbc
