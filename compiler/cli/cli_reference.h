#pragma once
/// The command line as data, read off the CLI11 definition: what the man
/// page and the completion scripts are generated from (never written twice).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace rbc {

/// What an option's value is, for completion: a file, a directory, a rule...
/// Taken from the type name the definition gives (FILE, DIR, PATH, RULE, RULES).
enum class ValueKind { none, text, file, directory, path, rule, choice };

struct OptionDoc {
  std::vector<std::string> names;  // "-o", "--output"; a positional's one name
  bool positional = false;
  bool required = false;
  bool repeatable = false;         // takes any number of values (paths...)
  std::string value_name;          // FILE, FORMAT...; empty for a flag
  ValueKind value = ValueKind::none;
  std::vector<std::string> choices;
  std::string description;
  std::string default_value;
};

struct CommandDoc {
  std::string name;                   // its words after the program: "lint", "hook install"
  std::vector<std::string> children;  // its own subcommands' last words ("install", "uninstall")
  std::string description;
  std::string footer;
  std::vector<OptionDoc> options;  // positionals first, then options in definition order
};

struct CliReference {
  std::string program;
  std::string description;
  std::vector<OptionDoc> options;     // the program's own (--help, --version)
  /// Visible subcommands in definition order, a nested one right after its parent.
  std::vector<CommandDoc> commands;
};

CliReference describe_cli(const CLI::App& root);

/// The top-level commands' names (those that are not nested).
std::vector<std::string> top_level_names(const CliReference& cli);

}  // namespace rbc
