#pragma once
/// Subcommands: each registers its CLI11 options and returns its runner.
/// One table in cli_app.cc drives --help, the man page, completions and dispatch.
#include <CLI/CLI.hpp>

#include <functional>

namespace rbc {

using Runner = std::function<int()>;

Runner add_lint_command(CLI::App& app);
Runner add_rules_command(CLI::App& app);
Runner add_explain_command(CLI::App& app);
Runner add_build_command(CLI::App& app);
/// `runbookc serve`: the site on 127.0.0.1, rebuilt and reloaded on every change.
Runner add_serve_command(CLI::App& app);
Runner add_index_command(CLI::App& app);
Runner add_script_command(CLI::App& app);
/// Hidden generators; `root` is the whole command line they describe.
Runner add_man_page_command(CLI::App& app, CLI::App& root);
Runner add_completions_command(CLI::App& app, CLI::App& root);
Runner add_hook_command(CLI::App& app);
Runner add_init_command(CLI::App& app);
/// `runbookc alerts check`: rule files' runbook URLs against the runbooks.
Runner add_alerts_command(CLI::App& app);
/// `runbookc lsp`: a language server over standard input and output.
Runner add_lsp_command(CLI::App& app);

}  // namespace rbc
