#include "compiler/cli/cli_app.h"

namespace rbc {

CliApp make_cli_app() {
  CliApp cli;
  cli.app = std::make_unique<CLI::App>(
      "runbookc: lint Markdown incident runbooks and compile them into a site, scripts and indexes", "runbookc");
  CLI::App& app = *cli.app;
  app.set_version_flag("--version", std::function<std::string()>(version_text), "Print the version, the commit and the embedded parsers' versions");
  app.require_subcommand(1);
  struct Entry {
    const char* name;
    const char* description;
    Runner (*add)(CLI::App&);
  };
  const Entry commands[] = {
      {"lint", "Check runbooks: syntax of embedded bash and SQL, danger, secrets, structure", add_lint_command},
      {"rules", "List every rule with its code, name, category and severity", add_rules_command},
      {"explain", "Show the documentation of one rule (by code or name)", add_explain_command},
      {"build", "Compile runbooks into a static HTML site with JSON indexes", add_build_command},
      {"index", "Write runbooks.json: every runbook's metadata, sections, steps and findings", add_index_command},
      {"script", "Compile a runbook (or one section) into an executable bash script", add_script_command},
      {"init", "Set up a repository: a commented .runbookc.yaml, a runbook template, a .pre-commit-config.yaml",
       add_init_command},
      {"hook", "Install or remove a plain git pre-commit hook that lints the staged runbooks", add_hook_command},
  };
  for (const Entry& e : commands) {
    CLI::App* sub = app.add_subcommand(e.name, e.description);
    cli.runners.emplace_back(sub, e.add(*sub));
  }
  // Generators of the installed documentation: hidden from --help (empty group).
  CLI::App* man = app.add_subcommand("help-man", "Print the man page (roff) generated from this command line");
  man->group("");
  cli.runners.emplace_back(man, add_man_page_command(*man, app));
  CLI::App* completions = app.add_subcommand("completions", "Print a shell completion script (bash, zsh or fish)");
  completions->group("");
  cli.runners.emplace_back(completions, add_completions_command(*completions, app));
  return cli;
}

}  // namespace rbc
