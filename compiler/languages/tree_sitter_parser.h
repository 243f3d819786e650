#pragma once
/// The tree-sitter adapter: one parser per thread and grammar, trees owned
/// by RAII handles. Only the analysis includes this; rules never do.
#include <tree_sitter/api.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "compiler/languages/grammar.h"

namespace rbc {

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// Parses `text`; null only when the parse timed out (pathological input).
TreePtr parse_with(Grammar grammar, std::string_view text);

inline std::string_view node_text(TSNode node, std::string_view text) {
  uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
  if (b > text.size()) return {};
  return text.substr(b, std::min<uint32_t>(e, static_cast<uint32_t>(text.size())) - b);
}
inline std::string_view node_type(TSNode node) { return ts_node_type(node); }

/// Calls `visit(child)` for each child of `node` (only the named ones when
/// `named_only`), in order, until it returns false if it returns a bool. A
/// cursor walk: ts_node_child(node, i) walks the children from the first on
/// each call, so a loop over i is quadratic in their number.
template <typename Visit>
void for_each_child(TSNode node, bool named_only, Visit&& visit) {
  if (ts_node_child_count(node) == 0) return;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&cursor);
      if (named_only && !ts_node_is_named(child)) continue;
      if constexpr (std::is_same_v<decltype(visit(child)), bool>) {
        if (!visit(child)) break;
      } else {
        visit(child);
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}
template <typename Visit>
void for_each_named_child(TSNode node, Visit&& visit) {
  for_each_child(node, true, std::forward<Visit>(visit));
}

/// First ERROR or MISSING node in document order, or a null node.
TSNode first_error(TSNode root);

/// Every outermost ERROR or MISSING node in document order, at most `limit`.
std::vector<TSNode> all_errors(TSNode root, size_t limit);

}  // namespace rbc
