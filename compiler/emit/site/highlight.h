#pragma once
/// Syntax highlighting with the grammars' own tree-sitter highlight queries
/// (queries/highlights.scm of tree-sitter-bash and tree-sitter-sql, embedded
/// in the binary). Thread-safe: queries are compiled once and shared.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/languages/tree_sitter_parser.h"

namespace rbc::site {

/// A highlighted range of the text: bytes [begin, end) in class `name`
/// ("keyword", "string", ...: the capture name up to its first dot).
struct Highlight {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string name;
};

/// Non-overlapping, sorted ranges; inner nodes win over the nodes enclosing
/// them, and for one node the first matching pattern of the query wins.
std::vector<Highlight> highlight(Grammar grammar, std::string_view text);

}  // namespace rbc::site
