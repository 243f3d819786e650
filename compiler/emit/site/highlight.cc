#include "compiler/emit/site/highlight.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "compiler/base/embedded_files.h"
#include "compiler/base/pattern.h"

extern "C" const TSLanguage* tree_sitter_bash();
extern "C" const TSLanguage* tree_sitter_sql();

namespace rbc::site {
namespace {

/// A `(#match? @capture "regex")` predicate of one pattern.
struct MatchPredicate {
  uint32_t capture = 0;
  Pattern regex;
};

struct CompiledQuery {
  TSQuery* query = nullptr;
  std::vector<std::vector<MatchPredicate>> predicates;  ///< per pattern
  std::vector<std::string> classes;                     ///< per capture id; empty: not shown
};

std::string class_for(std::string_view capture) {
  std::string_view head = capture.substr(0, capture.find('.'));
  if (head == "spell" || head == "embedded" || head == "none") return {};
  return std::string(head);
}

CompiledQuery compile(const TSLanguage* language, std::string_view source) {
  CompiledQuery q;
  uint32_t error_offset = 0;
  TSQueryError error = TSQueryErrorNone;
  q.query = ts_query_new(language, source.data(), static_cast<uint32_t>(source.size()), &error_offset, &error);
  if (!q.query) throw std::runtime_error("highlight query does not compile at byte " + std::to_string(error_offset));
  uint32_t captures = ts_query_capture_count(q.query);
  for (uint32_t i = 0; i < captures; ++i) {
    uint32_t len = 0;
    const char* name = ts_query_capture_name_for_id(q.query, i, &len);
    q.classes.push_back(class_for(std::string_view(name, len)));
  }
  uint32_t patterns = ts_query_pattern_count(q.query);
  q.predicates.resize(patterns);
  for (uint32_t p = 0; p < patterns; ++p) {
    uint32_t steps = 0;
    const TSQueryPredicateStep* s = ts_query_predicates_for_pattern(q.query, p, &steps);
    for (uint32_t i = 0; i < steps; ++i) {
      if (s[i].type != TSQueryPredicateStepTypeString) continue;
      uint32_t len = 0;
      std::string_view op(ts_query_string_value_for_id(q.query, s[i].value_id, &len), len);
      if (op == "match?" && i + 2 < steps && s[i + 1].type == TSQueryPredicateStepTypeCapture &&
          s[i + 2].type == TSQueryPredicateStepTypeString) {
        std::string_view re(ts_query_string_value_for_id(q.query, s[i + 2].value_id, &len), len);
        q.predicates[p].push_back({s[i + 1].value_id, Pattern(re)});
      }
    }
  }
  return q;
}

/// Compiled on first use, each on its own: a query costs 5 ms (bash) to 15 ms
/// (SQL) to compile, more than rendering a runbook again.
const CompiledQuery& query_for(Grammar grammar) {
  if (grammar == Grammar::bash) {
    static const CompiledQuery bash = compile(tree_sitter_bash(), embedded_file("queries/bash.scm"));
    return bash;
  }
  static const CompiledQuery sql = compile(tree_sitter_sql(), embedded_file("queries/sql.scm"));
  return sql;
}

bool predicates_hold(const CompiledQuery& q, const TSQueryMatch& match, std::string_view text) {
  for (const MatchPredicate& pred : q.predicates[match.pattern_index])
    for (uint16_t i = 0; i < match.capture_count; ++i)
      if (match.captures[i].index == pred.capture &&
          !pred.regex.search(node_text(match.captures[i].node, text)))
        return false;
  return true;
}

struct Capture {
  uint32_t begin, end, pattern;
  const std::string* name;
};

}  // namespace

std::vector<Highlight> highlight(Grammar grammar, std::string_view text) {
  std::vector<Highlight> out;
  if (text.empty()) return out;
  TreePtr tree = parse_with(grammar, text);
  if (!tree) return out;
  const CompiledQuery& q = query_for(grammar);
  std::unique_ptr<TSQueryCursor, void (*)(TSQueryCursor*)> cursor(ts_query_cursor_new(), ts_query_cursor_delete);
  ts_query_cursor_exec(cursor.get(), q.query, ts_tree_root_node(tree.get()));
  std::vector<Capture> captures;
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match)) {
    if (!predicates_hold(q, match, text)) continue;
    for (uint16_t i = 0; i < match.capture_count; ++i) {
      const std::string& name = q.classes[match.captures[i].index];
      if (name.empty()) continue;
      uint32_t b = ts_node_start_byte(match.captures[i].node), e = ts_node_end_byte(match.captures[i].node);
      e = std::min<uint32_t>(e, static_cast<uint32_t>(text.size()));
      if (b < e) captures.push_back({b, e, match.pattern_index, &name});
    }
  }
  // Outer nodes first, so inner ones overwrite them; for one range the first pattern last.
  std::sort(captures.begin(), captures.end(), [](const Capture& a, const Capture& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.pattern > b.pattern;
  });
  std::vector<const std::string*> by_byte(text.size(), nullptr);
  for (const Capture& c : captures)
    for (uint32_t i = c.begin; i < c.end; ++i) by_byte[i] = c.name;
  for (uint32_t i = 0; i < by_byte.size();) {
    uint32_t j = i;
    while (j < by_byte.size() && by_byte[j] == by_byte[i]) ++j;
    if (by_byte[i]) out.push_back({i, j, *by_byte[i]});
    i = j;
  }
  return out;
}

}  // namespace rbc::site
