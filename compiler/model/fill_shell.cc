#include "compiler/model/fill_text.h"
#include "compiler/model/parameters.h"

namespace rbc {

FilledText fill_shell(const std::vector<Segment>& segments, const std::vector<ShellQuoting>& quoting,
                      const std::vector<std::string>& open_heredocs, bool reparsed) {
  FilledText out;
  size_t used = 0;
  for (const Segment& s : segments) {
    if (s.param.empty()) {
      out.code += s.text;
      continue;
    }
    if (used >= quoting.size()) {
      out.refused = "internal error: placeholders out of step";
      return out;
    }
    std::string var = "${" + parameter_names(s.param).shell_var + "}";
    switch (quoting[used++]) {
      case ShellQuoting::comment:  // not a value the step needs
        out.code += s.text;
        break;
      case ShellQuoting::unquoted:  // one word, whatever the value
        out.code += "\"" + var + "\"";
        out.use(s.param, reparsed);
        break;
      case ShellQuoting::double_quoted:
      case ShellQuoting::heredoc:
        out.code += var;
        out.use(s.param, true);
        break;
      case ShellQuoting::single_quoted:  // close the quotes, expand, reopen
        out.code += "'\"" + var + "\"'";
        out.use(s.param, true);
        break;
      case ShellQuoting::ansi_c:
        out.code += "'\"" + var + "\"$'";
        out.use(s.param, true);
        break;
      case ShellQuoting::quoted_heredoc:
        out.refused = "placeholder <" + s.param + "> is inside a quoted here-document, where no value can be inserted";
        return out;
      case ShellQuoting::unknown:
        out.refused = "placeholder <" + s.param + "> stands where the parse of the step cannot be trusted " +
                      "(tree-sitter-bash and bash may read it differently)";
        return out;
    }
  }
  for (const std::string& delimiter : open_heredocs)
    out.code += (out.code.empty() || out.code.back() == '\n' ? "" : "\n") + delimiter + "\n";
  return out;
}

}  // namespace rbc
