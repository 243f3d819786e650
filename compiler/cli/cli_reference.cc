#include "compiler/cli/cli_reference.h"

namespace rbc {
namespace {

ValueKind kind_of(const std::string& type) {
  if (type == "FILE") return ValueKind::file;
  if (type == "DIR") return ValueKind::directory;
  if (type == "PATH") return ValueKind::path;
  if (type == "RULE" || type == "RULES") return ValueKind::rule;
  return ValueKind::text;
}

/// CLI11's type name is "TYPE" or "TYPE:{a,b,c}" when an IsMember check is attached.
void read_type(const CLI::Option& option, OptionDoc& doc) {
  if (option.get_expected_max() == 0) return;  // a flag
  std::string full = option.get_type_name();
  std::string base = full.substr(0, full.find(':'));
  doc.value_name = base;
  doc.value = kind_of(base);
  if (size_t colon = full.find(":{"); colon != std::string::npos && full.back() == '}') {
    std::string list = full.substr(colon + 2, full.size() - colon - 3);
    for (size_t start = 0; start <= list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      doc.choices.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    doc.value = ValueKind::choice;
    doc.value_name = "{" + list + "}";
  }
}

OptionDoc describe_option(const CLI::Option& option) {
  OptionDoc doc;
  doc.positional = option.nonpositional() == false;
  if (doc.positional) {
    doc.names.push_back(option.get_name(true, false));
  } else {
    for (const std::string& s : option.get_snames()) doc.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) doc.names.push_back("--" + l);
  }
  read_type(option, doc);
  doc.required = option.get_required();
  doc.repeatable = option.get_items_expected_max() > 1;
  doc.description = option.get_description();
  doc.default_value = option.get_default_str();
  return doc;
}

std::vector<OptionDoc> describe_options(const CLI::App& app) {
  std::vector<OptionDoc> positionals, named;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    OptionDoc doc = describe_option(*option);
    (doc.positional ? positionals : named).push_back(std::move(doc));
  }
  positionals.insert(positionals.end(), named.begin(), named.end());
  return positionals;
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

void describe_commands(const CLI::App& app, const std::string& prefix, std::vector<CommandDoc>& out) {
  for (const CLI::App* sub : visible_subcommands(app)) {
    CommandDoc doc{prefix + sub->get_name(), {}, sub->get_description(), sub->get_footer(), describe_options(*sub)};
    for (const CLI::App* child : visible_subcommands(*sub)) doc.children.push_back(child->get_name());
    out.push_back(std::move(doc));
    describe_commands(*sub, out.back().name + " ", out);
  }
}

}  // namespace

CliReference describe_cli(const CLI::App& root) {
  CliReference cli;
  cli.program = root.get_name();
  cli.description = root.get_description();
  cli.options = describe_options(root);
  describe_commands(root, "", cli.commands);
  return cli;
}

std::vector<std::string> top_level_names(const CliReference& cli) {
  std::vector<std::string> names;
  for (const CommandDoc& c : cli.commands)
    if (c.name.find(' ') == std::string::npos) names.push_back(c.name);
  return names;
}

}  // namespace rbc
