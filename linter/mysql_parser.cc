#include "linter/sql_parsers.h"
#include "linter/tree_sitter_parser.h"

namespace rbc {

std::optional<SqlParseError> parse_mysql(const std::string& text) {
  TreePtr tree = parse_with(Grammar::sql, text);
  if (!tree) return std::nullopt;
  TSNode error = first_error(ts_tree_root_node(tree.get()));
  if (ts_node_is_null(error)) return std::nullopt;
  SqlParseError e;
  e.offset = ts_node_start_byte(error);
  e.end = std::max(ts_node_end_byte(error), e.offset + 1);
  std::string_view t = node_text(error, text);
  size_t n = 0;
  while (n < t.size() && n < 24 && t[n] != '\n') ++n;
  e.message = ts_node_is_missing(error) ? std::string("missing `") + ts_node_type(error) + "`"
                                        : "syntax error at `" + std::string(t.substr(0, n)) + "`";
  return e;
}

}  // namespace rbc
