#pragma once
/// The tree-sitter adapter: one parser per thread and grammar, trees owned
/// by RAII handles. Only the analysis includes this; rules never do.
#include <tree_sitter/api.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>
#include <string_view>

namespace rbc {

enum class Grammar { bash, sql };

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

/// First ERROR or MISSING node in document order, or a null node.
TSNode first_error(TSNode root);

/// Every outermost ERROR or MISSING node in document order, at most `limit`.
std::vector<TSNode> all_errors(TSNode root, size_t limit);

}  // namespace rbc
