#include "compiler/model/arithmetic_context.h"

#include <cctype>
#include <string_view>

#include "compiler/languages/shell_analysis.h"
#include "compiler/languages/tree_sitter_parser.h"

namespace rbc {
namespace {

constexpr std::string_view kParamPrefix = "RB_PARAM_";

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// The code with `"${RB_PARAM_x}"` unquoted: tree-sitter-bash misparses a
/// quoted expansion in some places bash accepts (`${s:"${x}"}`), and the
/// quotes do not change whether a place is arithmetic.
std::string unquote_parameters(const std::string& code) {
  std::string out;
  out.reserve(code.size());
  for (size_t i = 0; i < code.size(); ++i) {
    if (code.compare(i, 3, "\"${") == 0 && code.compare(i + 3, kParamPrefix.size(), kParamPrefix) == 0) {
      size_t close = code.find('}', i + 3);
      if (close != std::string::npos && close + 1 < code.size() && code[close + 1] == '"') {
        out.append(code, i + 1, close - i);
        i = close + 1;
        continue;
      }
    }
    out += code[i];
  }
  return out;
}

/// Identifiers in an arithmetic word (`x+1`, `total=y*2`): names bash reads.
void identifiers_in(std::string_view text, std::set<std::string>& out) {
  for (size_t i = 0; i < text.size();) {
    if (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '_') {
      size_t b = i;
      while (i < text.size() && is_name_char(text[i])) ++i;
      out.emplace(text.substr(b, i - b));
    } else {
      ++i;
    }
  }
}

bool is_numeric_test(std::string_view op) {
  return op == "-eq" || op == "-ne" || op == "-lt" || op == "-le" || op == "-gt" || op == "-ge";
}

/// A subscript `name[...RB_PARAM_x...]` around each parameter, found in the
/// text: an unclosed `[` right after a name, earlier in the same word. One
/// pass, so a long word with many parameters stays linear.
void subscripts_in_text(const std::string& code, std::set<std::string>& evaluated) {
  std::vector<bool> open;  // unclosed `[` of the current word: after a name?
  size_t named_open = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
      open.clear();
      named_open = 0;
    } else if (c == '[') {
      bool named = i > 0 && is_name_char(code[i - 1]);
      open.push_back(named);
      named_open += named;
    } else if (c == ']' && !open.empty()) {
      named_open -= open.back();
      open.pop_back();
    } else if (c == '$' && named_open > 0 && code.compare(i + 1, 1, "{") == 0 &&
               code.compare(i + 2, kParamPrefix.size(), kParamPrefix) == 0) {
      size_t end = i + 2;
      while (end < code.size() && is_name_char(code[end])) ++end;
      evaluated.insert(code.substr(i + 2, end - i - 2));
    }
  }
}

/// How a command's arguments name variables.
enum class NameArgs { none, all, options_then_names, after_dash_v };

struct Context {
  bool arithmetic = false;
  bool name_position = false;   ///< a builtin reads this word as a variable name
  NameArgs name_args = NameArgs::none;  ///< of this command's arguments
  bool next_is_name = false;    ///< the next argument is a name (after -v)
  bool skip_next = false;       ///< the next argument is an option's value
  std::string_view value_options;  ///< options whose value is the next word
  bool double_bracket = false;  ///< inside [[ ]]
  bool after_colon = false;     ///< a later child of ${var:...}
  bool integer_declaration = false;
  bool nameref_declaration = false;  ///< declare -n: values are variable names
  std::string assigning;        ///< the variable whose value this is
};

class Walker {
 public:
  Walker(std::string_view text, ArithmeticFacts& out) : text_(text), out_(out) {}

  void run(TSNode root) {
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    std::vector<Context> stack{enter(ts_tree_cursor_current_node(&cursor), Context{}, "")};
    for (;;) {
      if (ts_tree_cursor_goto_first_child(&cursor)) {
        visit(cursor, stack);
        continue;
      }
      for (;;) {
        if (stack.size() <= 1) break;
        stack.pop_back();  // the node just done
        if (ts_tree_cursor_goto_next_sibling(&cursor)) {
          visit(cursor, stack);
          break;
        }
        ts_tree_cursor_goto_parent(&cursor);
      }
      if (stack.size() <= 1) break;
    }
    ts_tree_cursor_delete(&cursor);
  }

 private:
  /// Pushes the context of the cursor's node, given its parent's.
  void visit(TSTreeCursor& cursor, std::vector<Context>& stack) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    const char* field = ts_tree_cursor_current_field_name(&cursor);
    Context& parent = stack.back();
    if (!ts_node_is_named(node) && node_type(ts_node_parent(node)) == "expansion" && node_type(node) == ":")
      parent.after_colon = true;  // ${var:offset:length}; not :- := :+ :?
    bool is_name = false;
    if (parent.name_args != NameArgs::none && field && std::string_view(field) == "argument")
      is_name = argument_is_name(parent, text(node));
    stack.push_back(enter(node, parent, field ? field : ""));
    if (is_name) stack.back().name_position = true;
  }

  /// Whether a command argument is a variable name, updating the command's
  /// state for the next argument.
  static bool argument_is_name(Context& command, std::string_view word) {
    bool option = word.size() > 1 && word[0] == '-';
    switch (command.name_args) {
      case NameArgs::all:
        return !option;
      case NameArgs::after_dash_v: {
        bool name = command.next_is_name;
        command.next_is_name = word == "-v" || word == "-R";
        return name;
      }
      case NameArgs::options_then_names: {
        if (command.skip_next) {
          command.skip_next = false;
          return false;
        }
        if (option) {
          char last = word.back();
          command.skip_next = command.value_options.find(last) != std::string_view::npos;
          return false;
        }
        return true;
      }
      case NameArgs::none:
        break;
    }
    return false;
  }

  Context enter(TSNode node, const Context& parent, std::string_view field) {
    Context ctx = parent;
    ctx.after_colon = false;
    ctx.name_args = NameArgs::none;
    ctx.next_is_name = ctx.skip_next = false;
    if (parent.after_colon) ctx.arithmetic = true;
    std::string_view type = node_type(node);
    if (field == "body") ctx.arithmetic = false;  // of a for (( )) loop, a function...
    if (type == "arithmetic_expansion") {
      ctx.arithmetic = true;
    } else if (type == "c_style_for_statement") {
      ctx.arithmetic = true;  // but not its body (above)
    } else if (field == "index" && node_type(ts_node_parent(node)) == "subscript") {
      ctx.arithmetic = true;
    } else if (type == "test_command") {
      ctx.double_bracket = text(ts_node_child(node, 0)) == "[[";
    } else if (type == "binary_expression" && ctx.double_bracket) {
      TSNode op = ts_node_child_by_field_name(node, "operator", 8);
      if (!ts_node_is_null(op) && is_numeric_test(text(op))) ctx.arithmetic = true;
    } else if (type == "command") {
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      std::string_view program = text(name);
      if (program == "let") ctx.arithmetic = true;
      if (program == "unset" || program == "getopts") ctx.name_args = NameArgs::all;
      if (program == "printf" || program == "test" || program == "[") ctx.name_args = NameArgs::after_dash_v;
      if (program == "read") ctx.name_args = NameArgs::options_then_names, ctx.value_options = kReadValueOptions;
      if (program == "mapfile" || program == "readarray")
        ctx.name_args = NameArgs::options_then_names, ctx.value_options = kMapfileValueOptions;
    } else if (type == "unary_expression") {
      TSNode op = ts_node_child_by_field_name(node, "operator", 8);
      std::string_view o = text(op);
      if (o == "-v" || o == "-R") ctx.name_position = true;  // [[ -v name ]]
    } else if (type == "declaration_command" || type == "unset_command") {
      ctx.name_position = true;  // declare/local/export NAME or NAME=value: the value is data
      for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n && i < 8; ++i) {
        TSNode child = ts_node_named_child(node, i);
        std::string_view word = text(child);
        bool flags = node_type(child) == "word" && word.size() > 1 && word[0] == '-';
        if (flags && word.find('i') != std::string_view::npos) ctx.integer_declaration = true;
        if (flags && word.find('n') != std::string_view::npos) ctx.nameref_declaration = true;
      }
    } else if (type == "variable_assignment") {
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (!ts_node_is_null(name) && node_type(name) == "subscript") name = ts_node_child_by_field_name(name, "name", 4);
      if (!ts_node_is_null(name)) {
        std::string target(text(name));
        if (ctx.integer_declaration) out_.arithmetic_variables.insert(target);
        out_.assigned_from[target];
        pending_target_ = target;
      }
    } else if (type == "for_statement") {
      TSNode var = ts_node_child_by_field_name(node, "variable", 8);
      if (!ts_node_is_null(var)) pending_target_ = std::string(text(var));
    }
    if (field == "value") {
      ctx.name_position = parent.nameref_declaration;
      ctx.assigning = pending_target_;
      if (parent.integer_declaration) ctx.arithmetic = true;
    }
    if (type == "variable_name" || (type == "word" && ctx.arithmetic)) note_name(node, ctx, type);
    return ctx;
  }

  void note_name(TSNode node, const Context& ctx, std::string_view type) {
    std::string_view parent = node_type(ts_node_parent(node));
    bool read = parent == "expansion" || parent == "simple_expansion" || ctx.arithmetic;
    if (!read) {
      if (parent == "declaration_command" && ctx.integer_declaration)
        out_.arithmetic_variables.emplace(text(node));  // declare -i n
      return;
    }
    std::set<std::string> names;
    if (type == "word") identifiers_in(text(node), names);
    else names.emplace(text(node));
    for (const std::string& name : names) {
      bool parameter = name.compare(0, kParamPrefix.size(), kParamPrefix) == 0;
      if (parameter && ctx.name_position) out_.as_names.insert(name);
      if (ctx.arithmetic) (parameter ? out_.evaluated : out_.arithmetic_variables).insert(name);
      if (!ctx.assigning.empty()) out_.assigned_from[ctx.assigning].insert(name);
    }
  }

  std::string_view text(TSNode node) const { return ts_node_is_null(node) ? std::string_view() : node_text(node, text_); }

  std::string_view text_;
  ArithmeticFacts& out_;
  std::string pending_target_;
};

}  // namespace

ShellCodeParse parse_shell_code(const std::string& code) {
  ShellCodeParse out;
  ArithmeticFacts& facts = out.arithmetic;
  std::string probe = unquote_parameters(code);
  subscripts_in_text(probe, facts.evaluated);
  TreePtr tree = parse_with(Grammar::bash, probe);
  if (!tree) {
    // No parse (timed out): every parameter of the step counts as evaluated.
    for (size_t at = probe.find(kParamPrefix); at != std::string::npos; at = probe.find(kParamPrefix, at + 1)) {
      size_t end = at;
      while (end < probe.size() && is_name_char(probe[end])) ++end;
      facts.evaluated.insert(probe.substr(at, end - at));
    }
    return out;
  }
  TSNode root = ts_tree_root_node(tree.get());
  out.accepted = !ts_node_has_error(root);
  Walker(probe, facts).run(root);
  return out;
}

ArithmeticFacts arithmetic_facts(const std::string& code) { return parse_shell_code(code).arithmetic; }

std::set<std::string> evaluated_variables(const std::vector<const ArithmeticFacts*>& steps,
                                          const std::set<std::string>& variables) {
  // Backwards from what arithmetic reads, through assignments, once for all.
  std::map<std::string, std::set<std::string>> sources_of;
  std::set<std::string> reaches;
  std::vector<std::string> todo;
  for (const ArithmeticFacts* f : steps) {
    for (const std::string& v : f->evaluated)
      if (reaches.insert(v).second) todo.push_back(v);
    for (const std::string& v : f->arithmetic_variables)
      if (reaches.insert(v).second) todo.push_back(v);
    for (const auto& [target, sources] : f->assigned_from) sources_of[target].insert(sources.begin(), sources.end());
  }
  while (!todo.empty()) {
    std::string at = std::move(todo.back());
    todo.pop_back();
    auto it = sources_of.find(at);
    if (it == sources_of.end()) continue;
    for (const std::string& source : it->second)
      if (reaches.insert(source).second) todo.push_back(source);
  }
  std::set<std::string> out;
  for (const std::string& v : variables)
    if (reaches.count(v)) out.insert(v);
  return out;
}

}  // namespace rbc
