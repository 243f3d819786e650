#pragma once
/// The tree-sitter grammars linked in (tree-sitter-bash, tree-sitter-sql), by
/// name only: what a header needs to say which grammar, without tree-sitter.

namespace rbc {

enum class Grammar { bash, sql };

}  // namespace rbc
