// runbookc: Markdown incident runbooks as source code.
#include <CLI/CLI.hpp>
#include <signal.h>

#include <iostream>
#include <map>

#include "compiler/cli/commands.h"

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a closed pipe is an I/O error, not a crash
  CLI::App app{"runbookc: lint Markdown incident runbooks and compile them into a site, scripts and indexes"};
  app.set_version_flag("--version", std::string("runbookc ") + RUNBOOKC_VERSION);
  app.require_subcommand(1);
  struct Entry {
    const char* name;
    const char* description;
    rbc::Runner (*add)(CLI::App&);
  };
  const Entry commands[] = {
      {"lint", "Check runbooks: syntax of embedded bash and SQL, danger, secrets, structure", rbc::add_lint_command},
      {"rules", "List every rule with its code, name, category and severity", rbc::add_rules_command},
      {"explain", "Show the documentation of one rule (by code or name)", rbc::add_explain_command},
      {"build", "Compile runbooks into a static HTML site with JSON indexes", rbc::add_build_command},
      {"index", "Write runbooks.json: every runbook's metadata, sections, steps and findings", rbc::add_index_command},
      {"script", "Compile a runbook (or one section) into an executable bash script", rbc::add_script_command},
      {"init", "Set up a repository: a commented .runbookc.yaml, a runbook template, a .pre-commit-config.yaml", rbc::add_init_command},
      {"hook", "Install or remove a plain git pre-commit hook that lints the staged runbooks", rbc::add_hook_command},
  };
  std::map<CLI::App*, rbc::Runner> runners;
  for (const Entry& e : commands) {
    CLI::App* sub = app.add_subcommand(e.name, e.description);
    runners[sub] = e.add(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "runbookc: error: " << e.what() << "\n";
        return 2;
      }
    }
  return 2;
}
