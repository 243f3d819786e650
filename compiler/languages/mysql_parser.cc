#include "compiler/languages/sql_parsers.h"
#include "compiler/languages/tree_sitter_parser.h"

namespace rbc {

std::vector<SqlParseError> parse_mysql(const std::string& text) {
  std::vector<SqlParseError> out;
  TreePtr tree = parse_with(Grammar::sql, text);
  if (!tree) return out;
  for (TSNode error : all_errors(ts_tree_root_node(tree.get()), 16)) {
    SqlParseError e;
    e.offset = ts_node_start_byte(error);
    e.end = std::max(ts_node_end_byte(error), e.offset + 1);
    std::string_view t = node_text(error, text);
    size_t n = 0;
    while (n < t.size() && n < 24 && t[n] != '\n') ++n;
    e.message = n == 0 && !ts_node_is_missing(error) ? std::string("the statement ends where more is expected")
            : ts_node_is_missing(error) ? std::string("missing `") + ts_node_type(error) + "`"
                                          : "syntax error at `" + std::string(t.substr(0, n)) + "`";
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace rbc
