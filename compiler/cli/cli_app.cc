#include "compiler/cli/cli_app.h"

#include <fmt/format.h>

#include "compiler/base/edit_distance.h"

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
      {"serve", "Preview the site while you edit: build it, serve it on 127.0.0.1, rebuild and reload on every change",
       add_serve_command},
      {"index", "Write runbooks.json: every runbook's metadata, sections, steps and findings", add_index_command},
      {"script", "Compile a runbook (or one section) into an executable bash script", add_script_command},
      {"alerts", "Check alerting rules against the runbooks: runbook URLs that lead nowhere, runbooks of no alert",
       add_alerts_command},
      {"init", "Set up a repository: a commented .runbookc.yaml, a runbook template, a .pre-commit-config.yaml",
       add_init_command},
      {"hook", "Install or remove a plain git pre-commit hook that lints the staged runbooks", add_hook_command},
      {"lsp", "Run a language server over stdin/stdout: diagnostics, fixes and suppressions as code actions, hover",
       add_lsp_command},
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

namespace {

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> match = closest_match(word, candidates);
  return match ? fmt::format("; did you mean `{}`?", *match) : "";
}

std::vector<std::string> names_of_subcommands(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); }))
    names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> names_of_options(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::Option* option : app.get_options()) {
    for (const std::string& l : option->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : option->get_snames()) names.push_back("-" + s);
  }
  return names;
}

}  // namespace

std::string explain_parse_error(CLI::App& root, const std::vector<std::string>& args, const CLI::ParseError& error) {
  // Follow the words that name commands: runbookc hook install ...
  CLI::App* command = &root;
  std::string path = "runbookc";
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.starts_with("-")) continue;
    std::vector<std::string> subcommands = names_of_subcommands(*command);
    if (subcommands.empty()) break;  // a positional of a command that has none below it
    if (std::find(subcommands.begin(), subcommands.end(), arg) == subcommands.end()) {
      std::string hint = did_you_mean(arg, subcommands);
      return fmt::format("unknown command `{}` for `{}`{}", arg, path,
                         hint.empty() ? fmt::format("; `{} --help` lists them", path) : hint);
    }
    command = command->get_subcommand(arg);
    path += " " + arg;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return "";
  std::vector<std::string> options = names_of_options(*command);
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-') continue;
    std::string name = arg.substr(0, arg.find('='));
    if (std::find(options.begin(), options.end(), name) != options.end()) continue;
    return fmt::format("unknown option `{}` for `{}`{}", name, path, did_you_mean(name, options));
  }
  return "";
}

}  // namespace rbc
