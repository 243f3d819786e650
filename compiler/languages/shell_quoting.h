#pragma once
/// Where placeholders stand in a shell text, read from its tree-sitter-bash
/// tree: the quoting bash applies at each one, and the here-documents the
/// text leaves open.
///
/// The tree is trusted only where it reads the text as bash does. A tree with
/// an ERROR or MISSING node, or with a here-document that does not end where
/// bash ends it (tree-sitter-bash 0.23 ends `<<EOF` at ` EOF` and `EOF `, and
/// takes `E"O"F` itself as the delimiter), leaves every placeholder unknown
/// and reports no open here-document.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/languages/tree_sitter_parser.h"
#include "compiler/syntax/ir.h"

namespace rbc {

struct QuotingFacts {
  std::vector<ShellQuoting> placeholders;  ///< one per range given, in the same order
  std::vector<std::string> open_heredocs;  ///< delimiters as bash reads them, in the order opened
};

/// `ranges`: byte ranges of `text` (the placeholders), in any order.
QuotingFacts shell_quoting(TSNode root, std::string_view text, const std::vector<Span>& ranges);

/// The same when there is no tree (the parse timed out): nothing is known.
QuotingFacts unknown_quoting(size_t placeholders);

}  // namespace rbc
