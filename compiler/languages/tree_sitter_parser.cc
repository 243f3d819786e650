#include "compiler/languages/tree_sitter_parser.h"

extern "C" const TSLanguage* tree_sitter_bash();
extern "C" const TSLanguage* tree_sitter_sql();

namespace rbc {
namespace {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

TSParser* parser_for(Grammar grammar) {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parsers[2];
  auto& slot = parsers[static_cast<int>(grammar)];
  if (!slot) {
    slot.reset(ts_parser_new());
    ts_parser_set_language(slot.get(), grammar == Grammar::bash ? tree_sitter_bash() : tree_sitter_sql());
    // A bound against pathological input; real code blocks parse in microseconds.
    ts_parser_set_timeout_micros(slot.get(), 2'000'000);
  }
  return slot.get();
}

}  // namespace

TreePtr parse_with(Grammar grammar, std::string_view text) {
  TSParser* parser = parser_for(grammar);
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  if (!tree) ts_parser_reset(parser);
  return TreePtr(tree);
}

std::vector<TSNode> all_errors(TSNode root, size_t limit) {
  std::vector<TSNode> found;
  if (!ts_node_has_error(root)) return found;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool descend = true;
  while (found.size() < limit) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool error = std::string_view(ts_node_type(node)) == "ERROR" || ts_node_is_missing(node);
    if (!error && ts_node_has_error(node)) {
      // A node whose error sits in a hidden child (a MISSING hidden token)
      // that the cursor does not visit: the node itself is the place.
      bool child_has_error = false;
      for_each_child(node, false, [&](TSNode child) { return !(child_has_error = ts_node_has_error(child)); });
      if (!child_has_error) error = true;
    }
    if (error) found.push_back(node);
    if (descend && !error && ts_node_has_error(node) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    descend = true;
    if (ts_tree_cursor_goto_next_sibling(&cursor)) continue;
    bool up = false;
    while (ts_tree_cursor_goto_parent(&cursor)) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        up = true;
        break;
      }
    }
    if (!up) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

TSNode first_error(TSNode root) {
  std::vector<TSNode> errors = all_errors(root, 1);
  return errors.empty() ? TSNode{} : errors.front();
}

}  // namespace rbc
