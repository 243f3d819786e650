#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "compiler/languages/postgres_scanner.h"

namespace rbc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// What a token is, from the scanner's token and, where one token number
/// covers several spellings (SCONST: '...', E'...', $$...$$), its first bytes.
SqlToken::Kind kind_of(const PgQuery__ScanToken& token, std::string_view spelled) {
  using Kind = SqlToken::Kind;
  if (token.keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD) return Kind::word;
  switch (token.token) {
    case PG_QUERY__TOKEN__IDENT:
      return spelled.starts_with('"') ? Kind::quoted_identifier : Kind::word;
    case PG_QUERY__TOKEN__SCONST:
      if (spelled.starts_with('$')) return Kind::dollar_string;
      if (spelled.starts_with("E'") || spelled.starts_with("e'")) return Kind::escape_string;
      return Kind::string;
    case PG_QUERY__TOKEN__BCONST:
    case PG_QUERY__TOKEN__XCONST:
      return Kind::bit_string;
    case PG_QUERY__TOKEN__USCONST:
    case PG_QUERY__TOKEN__UIDENT:
      return Kind::unicode_escape;
    case PG_QUERY__TOKEN__SQL_COMMENT:
    case PG_QUERY__TOKEN__C_COMMENT:
      return Kind::comment;
    default:
      return Kind::other;
  }
}

}  // namespace

SqlScan scan_postgres(const std::string& text) {
  SqlScan out;
  PgQueryScanResult result = pg_query_scan(text.c_str());
  if (result.error) {
    out.error = postgres_error_at(text, result.error->cursorpos, result.error->message);
    pg_query_free_scan_result(result);
    return out;
  }
  PgQuery__ScanResult* scan = pg_query__scan_result__unpack(nullptr, result.pbuf.len, reinterpret_cast<const uint8_t*>(result.pbuf.data));
  pg_query_free_scan_result(result);
  if (!scan) {
    out.error = SqlParseError{0, 0, "the scanner's result could not be read"};
    return out;
  }
  size_t length = std::min(text.size(), std::char_traits<char>::length(text.c_str()));
  for (size_t i = 0; i < scan->n_tokens; ++i) {
    const PgQuery__ScanToken& token = *scan->tokens[i];
    // A token ends where the next begins, less the whitespace between: the
    // scanner's own `end` is wrong for some (U&'...' gets length 0).
    size_t next = i + 1 < scan->n_tokens ? static_cast<size_t>(scan->tokens[i + 1]->start) : length;
    size_t begin = std::min(static_cast<size_t>(token.start), length);
    size_t end = std::max(begin, std::min(next, length));
    while (end > begin + 1 && is_space(text[end - 1])) --end;
    std::string_view spelled(text.data() + begin, end - begin);
    out.tokens.push_back({kind_of(token, spelled), static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
  pg_query__scan_result__free_unpacked(scan, nullptr);
  return out;
}

}  // namespace rbc
