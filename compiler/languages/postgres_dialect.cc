#include <pg_query.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>

#include "compiler/base/ascii.h"
#include "compiler/languages/postgres_scanner.h"
#include "compiler/languages/sql_dialect.h"

namespace rbc {
namespace {

using nlohmann::json;

/// `node[key]` without copying, or null when `node` has no such member
/// (`json::value` copies whole subtrees, which dominated this file's cost).
const json& field(const json& node, const char* key) {
  static const json missing;
  if (!node.is_object()) return missing;
  auto it = node.find(key);
  return it == node.end() ? missing : *it;
}

/// Byte offset of the 1-based character position libpg_query reports.
uint32_t byte_of_char(const std::string& text, int cursorpos) {
  if (cursorpos <= 1) return 0;
  int chars = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (++chars == cursorpos) return i;
    }
  }
  return static_cast<uint32_t>(text.size());
}

/// End of the token starting at `at` (for the finding's span).
uint32_t token_end(const std::string& text, uint32_t at) {
  if (at >= text.size()) return at;
  uint32_t e = at;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  if (word(text[e])) {
    while (e < text.size() && word(text[e])) ++e;
  } else {
    ++e;
  }
  return e;
}

bool is_true_constant(const json& node) {
  if (node.contains("A_Const")) {
    const json& c = node["A_Const"];
    if (c.contains("boolval")) return c["boolval"].value("boolval", false);
    return false;
  }
  if (node.contains("TypeCast")) return is_true_constant(field(node["TypeCast"], "arg"));
  if (node.contains("A_Expr")) {  // 1 = 1, 'a' = 'a'
    const json& e = node["A_Expr"];
    if (e.value("kind", "") != "AEXPR_OP") return false;
    const json& l = field(e, "lexpr");
    const json& r = field(e, "rexpr");
    std::string op;
    for (const auto& n : field(e, "name"))
      if (n.contains("String")) op = n["String"].value("sval", "");
    // Compare the constants, not where they are written.
    auto value = [](json c) {
      c["A_Const"].erase("location");
      return c;
    };
    return op == "=" && l.contains("A_Const") && r.contains("A_Const") && value(l) == value(r);
  }
  return false;
}

void collect_relations(const json& node, std::vector<std::string>& out, int depth = 0) {
  if (depth > 12) return;
  if (node.is_object()) {
    if (node.contains("relname") && node["relname"].is_string()) {
      std::string name = node["relname"];
      if (node.contains("schemaname")) name = node["schemaname"].get<std::string>() + "." + name;
      out.push_back(name);
      return;
    }
    for (const auto& [k, v] : node.items())
      if (k != "whereClause" && k != "fromClause" && k != "targetList" && k != "withClause") collect_relations(v, out, depth + 1);
  } else if (node.is_array()) {
    for (const auto& v : node) collect_relations(v, out, depth + 1);
  }
}

/// Last String of a name list ("pg_catalog"."pg_terminate_backend" → "pg_terminate_backend").
std::string last_name(const json& names) {
  std::string out;
  for (const auto& n : names)
    if (n.contains("String")) out = n["String"].value("sval", "");
  return out;
}

bool calls_function(const json& node, std::string_view name, int depth = 0) {
  if (depth > 24) return false;
  if (node.is_object()) {
    if (node.contains("FuncCall") && last_name(field(node["FuncCall"], "funcname")) == name) return true;
    for (const auto& [k, v] : node.items())
      if (calls_function(v, name, depth + 1)) return true;
  } else if (node.is_array()) {
    for (const auto& v : node)
      if (calls_function(v, name, depth + 1)) return true;
  }
  return false;
}

/// How deep collect_usage follows the parse tree (a bound on its recursion).
constexpr int kMaxUsageDepth = 48;

/// Function calls, every relation named, and `pid <> pg_backend_pid()`.
/// Sets `cut` when part of the tree lies past kMaxUsageDepth: calls there
/// (pg_terminate_backend) are not recorded. The other walks of this file stop
/// early too, but what they miss only makes a rule fire more (a table name
/// left out of a message, a pg_backend_pid() not seen), never less.
void collect_usage(const json& node, SqlStatement& st, bool& cut, int depth = 0) {
  if (depth > kMaxUsageDepth) {
    if (!node.empty() && (node.is_object() || node.is_array())) cut = true;
    return;
  }
  if (node.is_object()) {
    if (node.contains("FuncCall")) {
      std::string name = ascii_lower(last_name(field(node["FuncCall"], "funcname")));
      if (!name.empty() && std::find(st.functions.begin(), st.functions.end(), name) == st.functions.end())
        st.functions.push_back(name);
    }
    if (node.contains("relname") && node["relname"].is_string()) {
      std::string name = node["relname"];
      if (std::find(st.tables_read.begin(), st.tables_read.end(), name) == st.tables_read.end()) st.tables_read.push_back(name);
    }
    if (node.contains("A_Expr")) {
      const json& e = node["A_Expr"];
      std::string op = last_name(field(e, "name"));
      bool not_equal = (op == "<>" || op == "!=") && e.value("kind", "") == "AEXPR_OP";
      bool not_in = op == "<>" && e.value("kind", "") == "AEXPR_IN";
      if ((not_equal || not_in) && (calls_function(field(e, "lexpr"), "pg_backend_pid") ||
                                    calls_function(field(e, "rexpr"), "pg_backend_pid")))
        st.spares_own_backend = true;
    }
    for (const auto& [k, v] : node.items()) collect_usage(v, st, cut, depth + 1);
  } else if (node.is_array()) {
    for (const auto& v : node) collect_usage(v, st, cut, depth + 1);
  }
}

/// The first byte at or after `location` that is not whitespace or a comment,
/// within `len` bytes (which shrinks by as much).
uint32_t skip_leading_comments(const std::string& text, uint32_t location, uint32_t& len) {
  while (location < text.size() && len > 0) {
    if (std::isspace(static_cast<unsigned char>(text[location]))) {
      ++location, --len;
    } else if (text.compare(location, 2, "--") == 0) {
      size_t nl = text.find('\n', location);
      uint32_t skip = (nl == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl)) - location;
      skip = std::min(skip, len);
      location += skip, len -= skip;
    } else if (text.compare(location, 2, "/*") == 0) {
      size_t close = text.find("*/", location + 2);
      uint32_t skip = (close == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(close + 2)) - location;
      skip = std::min(skip, len);
      location += skip, len -= skip;
    } else {
      break;
    }
  }
  return location;
}

/// [begin, end) without the blanks and comments before it and the blanks after it.
Span trimmed(const std::string& text, uint32_t begin, uint32_t end) {
  uint32_t len = end - begin;
  begin = skip_leading_comments(text, begin, len);
  end = begin + len;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return {begin, end};
}

SqlStatement statement_facts(const std::string& kind, const json& body) {
  SqlStatement st;
  st.kind = kind;
  st.dialect = postgres_dialect().name();
  if (kind == "UpdateStmt" || kind == "DeleteStmt") {
    st.has_where = body.contains("whereClause");
    st.where_always_true = st.has_where && is_true_constant(body["whereClause"]);
    if (body.contains("relation")) collect_relations(body["relation"], st.relations);
  } else if (kind == "DropStmt") {
    st.subkind = body.value("removeType", "");
    st.concurrently = body.value("concurrent", false);
    st.cascade = body.value("behavior", "") == "DROP_CASCADE";
    for (const auto& obj : field(body, "objects")) {
      // [schema, name] lists or typed names: the last string is the object's name.
      std::string name;
      std::function<void(const json&)> last_string = [&](const json& j) {
        if (j.is_object() && j.contains("String")) name = j["String"].value("sval", name);
        else if (j.is_object() || j.is_array())
          for (const auto& x : j) last_string(x);
      };
      last_string(obj);
      if (!name.empty()) st.relations.push_back(name);
    }
  } else if (kind == "IndexStmt") {
    st.concurrently = body.value("concurrent", false);
    if (body.contains("relation")) collect_relations(body["relation"], st.relations);
  } else if (kind == "ReindexStmt") {
    for (const auto& p : field(body, "params"))
      if (p.contains("DefElem") && p["DefElem"].value("defname", "") == "concurrently") st.concurrently = true;
    st.subkind = body.value("kind", "");
    if (body.contains("relation")) collect_relations(body["relation"], st.relations);
  } else if (kind == "AlterTableStmt") {
    if (body.contains("relation")) collect_relations(body["relation"], st.relations);
    for (const auto& cmd : field(body, "cmds"))
      if (cmd.contains("AlterTableCmd")) {
        if (!st.subkind.empty()) st.subkind += ",";
        st.subkind += cmd["AlterTableCmd"].value("subtype", "");
      }
  } else if (kind == "TransactionStmt") {
    st.subkind = body.value("kind", "");
  } else if (kind == "TruncateStmt") {
    collect_relations(field(body, "relations"), st.relations);
    st.cascade = body.value("behavior", "") == "DROP_CASCADE";
  } else if (kind == "VacuumStmt") {
    for (const auto& o : field(body, "options"))
      if (o.contains("DefElem")) {
        if (!st.subkind.empty()) st.subkind += ",";
        st.subkind += o["DefElem"].value("defname", "");
      }
    collect_relations(field(body, "rels"), st.relations);
  } else if (kind == "VariableSetStmt") {
    st.subkind = body.value("name", "");
  } else if (kind == "AlterSystemStmt") {
    // VAR_SET_VALUE, VAR_SET_DEFAULT, VAR_RESET, VAR_RESET_ALL
    if (body.contains("setstmt")) st.subkind = body["setstmt"].value("kind", "");
  } else {
    collect_relations(body, st.relations);
  }
  return st;
}

/// Statement ranges from libpg_query's scanner, which knows strings, quoted
/// names, dollar quoting and comments; the whole text when it cannot scan it.
std::vector<Span> split_postgres(const std::string& text) {
  std::vector<Span> out;
  PgQuerySplitResult result = pg_query_split_with_scanner(text.c_str());
  if (!result.error) {
    for (int i = 0; i < result.n_stmts; ++i) {
      uint32_t begin = static_cast<uint32_t>(result.stmts[i]->stmt_location);
      int len = result.stmts[i]->stmt_len;  // 0: up to the end of the text
      uint32_t end = len > 0 ? begin + static_cast<uint32_t>(len) : static_cast<uint32_t>(text.size());
      out.push_back(trimmed(text, begin, end));
    }
  }
  pg_query_free_split_result(result);
  if (out.empty() && text.find_first_not_of(" \t\r\n;") != std::string::npos)
    out.push_back(trimmed(text, 0, static_cast<uint32_t>(text.size())));
  return out;
}

}  // namespace

SqlParseError postgres_error_at(const std::string& text, int cursorpos, const char* message) {
  SqlParseError e;
  e.offset = byte_of_char(text, cursorpos);
  e.end = token_end(text, e.offset);
  e.message = message ? message : "syntax error";
  return e;
}

namespace {

SqlParse parse_postgres(const std::string& text) {
  SqlParse out;
  PgQueryParseResult result = pg_query_parse(text.c_str());
  if (result.error) {
    out.errors.push_back(postgres_error_at(text, result.error->cursorpos, result.error->message));
    pg_query_free_parse_result(result);
    out.ranges = split_postgres(text);  // the scanner splits what the parser rejects
    return out;
  }
  json tree = json::parse(result.parse_tree, nullptr, false);
  pg_query_free_parse_result(result);
  if (tree.is_discarded()) return out;
  bool in_transaction = false;
  for (const auto& raw : field(tree, "stmts")) {
    if (!raw.contains("stmt") || !raw["stmt"].is_object() || raw["stmt"].empty()) continue;
    // The object iterator, not items()'s proxy: the proxy value that `*` returns
    // is a temporary, and a reference bound to it dangles.
    const json& stmt = raw["stmt"];
    auto first = stmt.begin();
    const std::string kind = first.key();
    const json& body = first.value();
    SqlStatement st = statement_facts(kind, body);
    bool cut = false;
    collect_usage(body, st, cut);
    uint32_t location = raw.value("stmt_location", 0u);
    uint32_t len = raw.contains("stmt_len") ? raw.value("stmt_len", 0u) : static_cast<uint32_t>(text.size()) - location;
    if (len == 0) len = static_cast<uint32_t>(text.size()) - location;
    location = skip_leading_comments(text, location, len);
    st.span = {location, location + len};
    out.ranges.push_back(st.span);
    st.text = text.substr(location, len);
    st.json = body.dump();
    if (cut)
      out.gaps.push_back({location, location + len,
                          "this statement nests deeper than the checks follow (" + std::to_string(kMaxUsageDepth) +
                              " levels of its parse tree): functions called past that depth, such as "
                              "pg_terminate_backend, are not checked"});
    if (kind == "CreateStmt" || kind == "CreateTableAsStmt")
      st.if_not_exists = st.json.find("\"if_not_exists\":true") != std::string::npos;
    if (kind == "TransactionStmt") {
      if (st.subkind == "TRANS_STMT_BEGIN" || st.subkind == "TRANS_STMT_START") in_transaction = true;
      else if (st.subkind == "TRANS_STMT_COMMIT" || st.subkind == "TRANS_STMT_ROLLBACK") in_transaction = false;
      st.in_transaction = in_transaction;
    } else {
      st.in_transaction = in_transaction;
    }
    out.statements.push_back(std::move(st));
  }
  return out;
}

class PostgresDialect final : public SqlDialect {
 public:
  std::string_view name() const override { return "PostgreSQL"; }
  std::vector<Span> split(const std::string& text) const override { return split_postgres(text); }
  SqlParse parse(const std::string& text) const override { return parse_postgres(text); }
};

}  // namespace

const SqlDialect& postgres_dialect() {
  static const PostgresDialect dialect;
  return dialect;
}

}  // namespace rbc
