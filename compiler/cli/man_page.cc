// `runbookc help-man`: the man page, in roff, generated from the command line
// definition (cli_reference.h) so that it says what --help says.
#include <fmt/format.h>

#include <iostream>

#include "compiler/base/ascii.h"
#include "compiler/cli/cli_reference.h"
#include "compiler/cli/commands.h"

namespace rbc {
namespace {

/// roff text: backslashes and hyphens escaped, a control character at the
/// start of a line neutralised.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string option_heading(const OptionDoc& o) {
  std::string names;
  for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff(n));
  if (o.positional) return fmt::format("\\fI{}\\fR", roff(o.names.front()));
  if (!o.value_name.empty()) names += fmt::format(" \\fI{}\\fR", roff(o.value_name));
  return names;
}

void write_options(std::string& out, const std::vector<OptionDoc>& options) {
  for (const OptionDoc& o : options) {
    out += ".TP\n" + option_heading(o) + "\n" + roff(o.description);
    if (!o.default_value.empty()) out += fmt::format(" (default: {})", roff(o.default_value));
    out += "\n";
  }
}

std::string synopsis(const CommandDoc& c, const std::string& program) {
  std::string s = fmt::format(".B {} {}\n", program, c.name);
  if (!c.children.empty()) {
    std::string alternatives;
    for (const std::string& child : c.children) alternatives += (alternatives.empty() ? "" : "|") + child;
    return s + fmt::format("\\fI{}\\fR [\\fIOPTIONS\\fR]\n", alternatives);
  }
  for (const OptionDoc& o : c.options)
    if (o.positional) {
      std::string word = fmt::format("\\fI{}\\fR{}", roff(o.names.front()), o.repeatable ? "..." : "");
      s += (o.required ? word : "[" + word + "]") + "\n";
    }
  return s + "[\\fIOPTIONS\\fR]\n";
}

std::string render_man_page(const CliReference& cli, std::string_view version) {
  std::string out = fmt::format(".TH RUNBOOKC 1 \"\" \"runbookc {}\" \"User Commands\"\n", version);
  out += ".SH NAME\n" + cli.program + " \\- " + roff(cli.description.substr(cli.description.find(": ") + 2)) + "\n";
  out += ".SH SYNOPSIS\n";
  for (const CommandDoc& c : cli.commands)
    if (c.children.empty()) out += synopsis(c, cli.program) + ".br\n";
  out += ".SH DESCRIPTION\n" + roff(cli.description) +
         ".\nEach subcommand is described in its own section below; "
         "\\fBrunbookc\\fR \\fISUBCOMMAND\\fR \\fB\\-\\-help\\fR prints the same.\n";
  out += ".SH OPTIONS\n";
  write_options(out, cli.options);
  for (const CommandDoc& c : cli.commands) {
    out += fmt::format(".SH \"RUNBOOKC {}\"\n", roff(ascii_upper(c.name)));
    out += synopsis(c, cli.program) + ".PP\n" + roff(c.description) + ".\n";
    write_options(out, c.options);
    if (!c.footer.empty()) out += ".PP\n" + roff(c.footer) + "\n";
  }
  out += ".SH \"SEE ALSO\"\n\\fBrunbookc rules\\fR lists every rule, \\fBrunbookc explain\\fR \\fIRULE\\fR documents one.\n";
  return out;
}

}  // namespace

Runner add_man_page_command(CLI::App&, CLI::App& root) {
  return [&root] {
    std::cout << render_man_page(describe_cli(root), RUNBOOKC_VERSION);
    return std::cout.flush() ? 0 : 2;
  };
}

}  // namespace rbc
