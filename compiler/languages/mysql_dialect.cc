// MySQL (and MariaDB) through tree-sitter-sql: statements are read from its
// parse tree by node type, never from the text.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "compiler/base/ascii.h"
#include "compiler/languages/sql_dialect.h"
#include "compiler/languages/tree_sitter_parser.h"

namespace rbc {
namespace {

constexpr std::string_view kName = "MySQL";

bool is_error(TSNode node) { return ts_node_is_missing(node) || node_type(node) == "ERROR"; }
bool is_comment(TSNode node) { return node_type(node) == "comment" || node_type(node) == "marginalia"; }

/// The first named child of `node` of type `type`, or a null node.
TSNode child_of_type(TSNode node, std::string_view type) {
  TSNode found{};
  for_each_named_child(node, [&](TSNode child) {
    if (node_type(child) != type) return true;
    found = child;
    return false;
  });
  return found;
}

bool has_child(TSNode node, std::string_view type) { return !ts_node_is_null(child_of_type(node, type)); }

/// An identifier as MySQL names it: without its backticks (or ANSI quotes).
std::string identifier(TSNode node, std::string_view text) {
  std::string_view t = node_text(node, text);
  if (t.size() >= 2 && (t.front() == '`' || t.front() == '"') && t.back() == t.front()) t = t.substr(1, t.size() - 2);
  return std::string(t);
}

/// `db.table` as PostgreSQL's facts write a qualified relation, or `table`.
std::string qualified_name(TSNode reference, std::string_view text) {
  TSNode name = ts_node_child_by_field_name(reference, "name", 4);
  if (ts_node_is_null(name)) return identifier(reference, text);
  std::string out = identifier(name, text);
  for (const char* field : {"schema", "database"}) {
    TSNode qualifier = ts_node_child_by_field_name(reference, field, static_cast<uint32_t>(std::strlen(field)));
    if (!ts_node_is_null(qualifier)) return identifier(qualifier, text) + "." + out;
  }
  return out;
}

/// Just the object's own name, as PostgreSQL's DROP facts record it.
std::string object_name(TSNode reference, std::string_view text) {
  TSNode name = ts_node_child_by_field_name(reference, "name", 4);
  return identifier(ts_node_is_null(name) ? reference : name, text);
}

/// True for a WHERE that holds for every row in MySQL: TRUE, a non-zero
/// number (MySQL reads `WHERE 1` as true), or two equal literals (`1 = 1`).
bool always_true(TSNode predicate, std::string_view text) {
  std::string_view type = node_type(predicate);
  if (type == "literal") {
    if (has_child(predicate, "keyword_true")) return true;
    std::string_view t = node_text(predicate, text);
    bool number = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
    return number && t.find_first_not_of("0.") != std::string_view::npos;
  }
  if (type == "binary_expression") {
    TSNode left = ts_node_child_by_field_name(predicate, "left", 4);
    TSNode right = ts_node_child_by_field_name(predicate, "right", 5);
    TSNode op = ts_node_child_by_field_name(predicate, "operator", 8);
    return !ts_node_is_null(left) && !ts_node_is_null(right) && !ts_node_is_null(op) && node_text(op, text) == "=" &&
           node_type(left) == "literal" && node_type(right) == "literal" && node_text(left, text) == node_text(right, text);
  }
  return false;
}

void read_where(TSNode where, std::string_view text, SqlStatement& st) {
  if (ts_node_is_null(where)) return;
  st.has_where = true;
  TSNode predicate = ts_node_child_by_field_name(where, "predicate", 9);
  st.where_always_true = !ts_node_is_null(predicate) && always_true(predicate, text);
}

/// A join that keeps only matching rows: an inner join with ON (not LEFT,
/// RIGHT, FULL, CROSS, NATURAL or a comma).
bool restricts_rows(TSNode join) {
  for (std::string_view outer : {"keyword_left", "keyword_right", "keyword_full", "keyword_cross", "keyword_natural"})
    if (has_child(join, outer)) return false;
  return !ts_node_is_null(ts_node_child_by_field_name(join, "predicate", 9));
}

/// Function calls and table names anywhere in the statement: a walk with a
/// cursor, not recursion, so it needs no depth bound.
void collect_usage(TSNode statement, std::string_view text, SqlStatement& st) {
  TSTreeCursor cursor = ts_tree_cursor_new(statement);
  bool descend = true;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    std::string_view type = node_type(node);
    if (descend && type == "invocation") {
      TSNode callee = child_of_type(node, "object_reference");
      if (!ts_node_is_null(callee)) {
        std::string name = ascii_lower(object_name(callee, text));
        if (std::find(st.functions.begin(), st.functions.end(), name) == st.functions.end()) st.functions.push_back(name);
      }
    } else if (descend && type == "relation") {
      TSNode table = child_of_type(node, "object_reference");
      if (!ts_node_is_null(table)) {
        std::string name = object_name(table, text);
        if (std::find(st.tables_read.begin(), st.tables_read.end(), name) == st.tables_read.end()) st.tables_read.push_back(name);
      }
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      descend = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor) || ts_node_eq(ts_tree_cursor_current_node(&cursor), statement)) break;
    descend = false;
  }
  ts_tree_cursor_delete(&cursor);
}

void read_delete(TSNode statement, std::string_view text, SqlStatement& st) {
  st.kind = "DeleteStmt";
  TSNode from = child_of_type(statement, "from");
  if (ts_node_is_null(from)) return;
  TSNode table = child_of_type(from, "object_reference");
  if (!ts_node_is_null(table)) st.relations.push_back(qualified_name(table, text));
  read_where(child_of_type(from, "where"), text, st);
  st.bounded_without_where = !st.has_where && has_child(from, "limit");
}

void read_update(TSNode update, std::string_view text, SqlStatement& st) {
  st.kind = "UpdateStmt";
  bool inner_join = false;
  for_each_named_child(update, [&](TSNode child) {
    std::string_view type = node_type(child);
    if (type == "relation") {
      TSNode table = child_of_type(child, "object_reference");
      if (!ts_node_is_null(table)) st.relations.push_back(qualified_name(table, text));
    } else if (type == "where") {
      read_where(child, text, st);
    } else if (type == "from") {  // UPDATE ... SET ... FROM other WHERE ...
      read_where(child_of_type(child, "where"), text, st);
    } else if (type == "join") {
      inner_join = inner_join || restricts_rows(child);
    }
  });
  st.bounded_without_where = !st.has_where && inner_join;
}

void read_alter_table(TSNode alter, std::string_view text, SqlStatement& st) {
  st.kind = "AlterTableStmt";
  TSNode table = child_of_type(alter, "object_reference");
  if (!ts_node_is_null(table)) st.relations.push_back(qualified_name(table, text));
  // Only actions PostgreSQL names the same way; MODIFY, CHANGE and the like have no name there.
  for_each_named_child(alter, [&](TSNode action) {
    std::string_view type = node_type(action);
    const char* name = type == "drop_column" ? "AT_DropColumn" : type == "add_column" ? "AT_AddColumn" : nullptr;
    if (!name) return;
    if (!st.subkind.empty()) st.subkind += ",";
    st.subkind += name;
  });
}

void read_create_table(TSNode create, std::string_view text, SqlStatement& st) {
  st.kind = has_child(create, "create_query") ? "CreateTableAsStmt" : "CreateStmt";
  st.if_not_exists = has_child(create, "keyword_not") && has_child(create, "keyword_exists");
  TSNode table = child_of_type(create, "object_reference");
  if (!ts_node_is_null(table)) st.relations.push_back(qualified_name(table, text));
}

/// DROP TABLE, DROP VIEW, DROP DATABASE / SCHEMA (one thing in MySQL), DROP USER / ROLE.
void read_drop(TSNode drop, std::string_view type, std::string_view text, SqlStatement& st) {
  if (type == "drop_table" || type == "drop_view") {
    st.kind = "DropStmt";
    st.subkind = type == "drop_table" ? "OBJECT_TABLE" : "OBJECT_VIEW";
    // RESTRICT and CASCADE are accepted and do nothing in MySQL: `cascade` stays false.
    TSNode object = child_of_type(drop, "object_reference");
    if (!ts_node_is_null(object)) st.relations.push_back(object_name(object, text));
  } else if (type == "drop_database" || type == "drop_schema") {
    st.kind = "DropdbStmt";
  } else if (type == "drop_role") {
    st.kind = "DropRoleStmt";
  }
}

/// The facts of one `statement` node that has no error in or beside it.
SqlStatement read_statement(TSNode statement, std::string_view text) {
  SqlStatement st;
  st.dialect = kName;
  TSNode first{};
  for_each_named_child(statement, [&](TSNode child) {
    if (is_comment(child)) return true;
    first = child;
    return false;
  });
  if (ts_node_is_null(first)) return st;
  std::string_view type = node_type(first);
  if (type == "keyword_explain") st.kind = "ExplainStmt";  // describes the statement, does not run it
  else if (type == "delete") read_delete(statement, text, st);
  else if (type == "update") read_update(first, text, st);
  else if (type == "keyword_truncate") {
    st.kind = "TruncateStmt";  // no CASCADE in MySQL
    for_each_named_child(statement, [&](TSNode child) {
      if (node_type(child) == "object_reference") st.relations.push_back(qualified_name(child, text));
    });
  } else if (type == "alter_table") read_alter_table(first, text, st);
  else if (type == "create_table") read_create_table(first, text, st);
  else if (type.substr(0, 5) == "drop_") read_drop(first, type, text, st);
  else if (type == "select") st.kind = "SelectStmt";
  else if (type == "insert") st.kind = "InsertStmt";
  collect_usage(statement, text, st);
  return st;
}

/// The nodes between two `;` of a statement list, and whether an error lies among them.
struct Segment {
  std::vector<TSNode> nodes;  ///< comments excluded
  bool has_error = false;
  Span extent;  ///< from the first node to the last byte before the `;`
};

/// The children of `list` (the program, a transaction) cut at their `;`
/// tokens. An ERROR node's own children are taken one level down, so a `;`
/// the error swallowed still ends a statement; the bytes it skipped without
/// a child (`, 20` of MySQL's `LIMIT 10, 20`) belong to the segment they are in.
std::vector<Segment> segments_of(TSNode list) {
  std::vector<Segment> out(1);
  auto take = [&](TSNode node, bool in_error) {
    if (node_type(node) == ";") {
      out.emplace_back();
      return;
    }
    if (ts_node_is_named(node) && is_comment(node)) return;
    Segment& segment = out.back();
    if (segment.nodes.empty()) segment.extent.begin = ts_node_start_byte(node);
    segment.extent.end = std::max(segment.extent.end, ts_node_end_byte(node));
    segment.nodes.push_back(node);
    if (in_error || is_error(node) || ts_node_has_error(node)) segment.has_error = true;
  };
  for_each_child(list, false, [&](TSNode child) {
    if (node_type(child) != "ERROR" || ts_node_child_count(child) == 0) return take(child, false);
    out.back().has_error = true;
    for_each_child(child, false, [&](TSNode inner) { take(inner, true); });
    if (!out.back().nodes.empty()) out.back().extent.end = std::max(out.back().extent.end, ts_node_end_byte(child));
  });
  std::erase_if(out, [](const Segment& s) { return s.nodes.empty(); });
  return out;
}

Span extent(const Segment& segment) { return segment.extent; }

/// A TransactionStmt for the BEGIN, COMMIT or ROLLBACK written at `span`.
SqlStatement transaction_statement(const char* subkind, Span span, std::string_view text, bool in_transaction) {
  SqlStatement st;
  st.dialect = kName;
  st.kind = "TransactionStmt";
  st.subkind = subkind;
  st.span = span;
  st.text = std::string(text.substr(span.begin, span.end - span.begin));
  st.in_transaction = in_transaction;
  return st;
}

/// BEGIN; statements; COMMIT or ROLLBACK, as tree-sitter-sql groups them.
void read_transaction(TSNode transaction, std::string_view text, std::vector<SqlStatement>& out) {
  for (const Segment& segment : segments_of(transaction)) {
    if (segment.has_error) continue;
    std::string_view head = node_type(segment.nodes.front());
    if (head == "keyword_begin") {
      out.push_back(transaction_statement("TRANS_STMT_BEGIN", extent(segment), text, true));
    } else if (head == "keyword_commit" || head == "keyword_rollback") {
      out.push_back(transaction_statement(head == "keyword_commit" ? "TRANS_STMT_COMMIT" : "TRANS_STMT_ROLLBACK",
                                          extent(segment), text, false));
    } else if (segment.nodes.size() == 1 && head == "statement") {
      SqlStatement st = read_statement(segment.nodes.front(), text);
      st.span = extent(segment);
      st.text = std::string(text.substr(st.span.begin, st.span.end - st.span.begin));
      st.in_transaction = true;
      out.push_back(std::move(st));
    }
  }
}

void read_list(TSNode list, std::string_view text, bool in_transaction, std::vector<SqlStatement>& out) {
  for (const Segment& segment : segments_of(list)) {
    if (segment.has_error || segment.nodes.size() != 1) continue;
    TSNode node = segment.nodes.front();
    std::string_view type = node_type(node);
    if (type == "transaction") {
      read_transaction(node, text, out);
    } else if (type == "block") {
      // BEGIN ... END is a compound statement of stored programs in MySQL:
      // its statements run, no transaction is claimed.
      read_list(node, text, in_transaction, out);
    } else if (type == "statement") {
      SqlStatement st = read_statement(node, text);
      st.span = extent(segment);
      st.text = std::string(text.substr(st.span.begin, st.span.end - st.span.begin));
      st.in_transaction = in_transaction;
      out.push_back(std::move(st));
    }
  }
}

std::string error_message(TSNode error, std::string_view text) {
  std::string_view t = node_text(error, text);
  size_t n = 0;
  while (n < t.size() && n < 24 && t[n] != '\n') ++n;
  if (ts_node_is_missing(error)) return std::string("missing `") + ts_node_type(error) + "`";
  if (n == 0) return "the statement ends where more is expected";
  return "syntax error at `" + std::string(t.substr(0, n)) + "`";
}

std::string gave_up(size_t bytes) {
  return "tree-sitter-sql gave up on this SQL (" + std::to_string(bytes) +
         " bytes, past its time bound): neither its syntax nor its statements are checked";
}

class MysqlDialect final : public SqlDialect {
 public:
  std::string_view name() const override { return kName; }

  std::vector<Span> split(const std::string& text) const override {
    std::vector<Span> out;
    TreePtr tree = parse_with(Grammar::sql, text);
    if (!tree) return out;
    for (const Segment& segment : segments_of(ts_tree_root_node(tree.get()))) out.push_back(extent(segment));
    return out;
  }

  SqlParse parse(const std::string& text) const override {
    SqlParse out;
    TreePtr tree = parse_with(Grammar::sql, text);
    if (!tree) {
      out.gaps.push_back({0, static_cast<uint32_t>(text.size()), gave_up(text.size())});
      return out;
    }
    TSNode root = ts_tree_root_node(tree.get());
    for (const Segment& segment : segments_of(root)) out.ranges.push_back(extent(segment));
    for (TSNode error : all_errors(root, 16)) {
      uint32_t begin = ts_node_start_byte(error);
      out.errors.push_back({begin, std::max(ts_node_end_byte(error), begin + 1), error_message(error, text)});
    }
    read_list(root, text, false, out.statements);
    return out;
  }
};

}  // namespace

const SqlDialect& mysql_dialect() {
  static const MysqlDialect dialect;
  return dialect;
}

}  // namespace rbc
