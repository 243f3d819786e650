#pragma once
/// The whole command line, built once: the subcommands and their options.
/// main() parses with it; `--help`, the man page and the shell completions
/// are all read off this one definition, so they cannot drift apart.
#include <CLI/CLI.hpp>

#include <memory>
#include <utility>
#include <vector>

#include "compiler/cli/commands.h"

namespace rbc {

struct CliApp {
  std::unique_ptr<CLI::App> app;
  /// Each subcommand and what runs it when it is the one parsed.
  std::vector<std::pair<CLI::App*, Runner>> runners;
};

CliApp make_cli_app();

/// For a command line CLI11 refused: a message naming the unknown command or
/// option, with "did you mean" when it is a typo of a known one; "" when the
/// error is of another kind (CLI11's own message is then the clearer).
std::string explain_parse_error(CLI::App& root, const std::vector<std::string>& args, const CLI::ParseError& error);

/// What `runbookc --version` prints: version, commit, embedded parsers.
std::string version_text();

}  // namespace rbc
