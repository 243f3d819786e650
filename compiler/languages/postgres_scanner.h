#pragma once
/// PostgreSQL's own scanner (libpg_query's pg_query_scan), for code that
/// needs the tokens of a PostgreSQL text rather than its statements (filling
/// psql placeholders). Offsets are byte offsets into the text given.
#include <optional>
#include <string>
#include <vector>

#include "compiler/languages/sql_dialect.h"

namespace rbc {

/// A libpg_query error (a 1-based character position) as a byte span of `text`.
SqlParseError postgres_error_at(const std::string& text, int cursorpos, const char* message);

/// One token of PostgreSQL's own scanner, by what its bytes are to psql.
struct SqlToken {
  enum class Kind {
    other,              ///< operators, punctuation, numbers, a byte the scanner takes alone
    word,               ///< a keyword or an unquoted identifier
    quoted_identifier,  ///< "..."
    string,             ///< '...' (also the '...' of N'...')
    escape_string,      ///< E'...': backslash escapes
    dollar_string,      ///< $$...$$ or $tag$...$tag$
    bit_string,         ///< B'...' or X'...'
    unicode_escape,     ///< U&'...' or U&"..."
    comment,            ///< -- to the end of the line, or /* ... */ (nested)
  };
  Kind kind = Kind::other;
  uint32_t begin = 0, end = 0;  ///< bytes of the text scanned
};

struct SqlScan {
  std::vector<SqlToken> tokens;        ///< in order; only whitespace between them
  std::optional<SqlParseError> error;  ///< the scanner's (an unterminated string...); then no tokens
};

/// Scans with libpg_query (pg_query_scan: the PostgreSQL 15 scanner). The
/// text is read up to its first NUL byte.
SqlScan scan_postgres(const std::string& text);

}  // namespace rbc
