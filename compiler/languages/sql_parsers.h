#pragma once
/// SQL parser adapters: libpg_query (the PostgreSQL 15 grammar) and
/// tree-sitter-sql for MySQL. Offsets in results are byte offsets into the
/// text given.
#include <optional>
#include <string>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

struct SqlParseError {
  uint32_t offset = 0;  ///< byte offset of the error
  uint32_t end = 0;
  std::string message;
};

struct PostgresParse {
  std::optional<SqlParseError> error;
  /// Statements with text offsets in `span` (relative to the text parsed).
  std::vector<SqlStatement> statements;
};

/// Parses with the PostgreSQL grammar; on success extracts statement facts.
PostgresParse parse_postgres(const std::string& text);

/// Parses with tree-sitter-sql; returns its errors in order (at most 16).
std::vector<SqlParseError> parse_mysql(const std::string& text);

}  // namespace rbc
