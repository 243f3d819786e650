#pragma once
/// SQL behind one interface per dialect. A dialect splits a text into
/// statements, finds its syntax errors and records the facts of each statement
/// it understood, in one vocabulary (SqlStatement, whose kinds are the
/// statement names of the PostgreSQL parse tree) so that a rule reads the same
/// facts whichever grammar read the text. A dialect records only what its
/// statements mean in that dialect: nothing of PostgreSQL's own (CONCURRENTLY,
/// NOT VALID) is claimed of MySQL. Offsets are byte offsets into the text given.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

struct SqlParseError {
  uint32_t offset = 0;  ///< byte offset of the error
  uint32_t end = 0;
  std::string message;
};

/// A range of the text that could not be checked, and why.
struct SqlGap {
  uint32_t begin = 0, end = 0;
  std::string reason;
};

/// What parsing one text yields.
struct SqlParse {
  /// Every statement's range, as split() gives them (from the same parse
  /// where the dialect can: no second pass over the text).
  std::vector<Span> ranges;
  /// Syntax errors in text order: libpg_query reports the first one only,
  /// tree-sitter-sql up to 16.
  std::vector<SqlParseError> errors;
  /// Facts of the statements understood, spans relative to the text. A
  /// statement with an error inside it, or next to it before its `;`, is left
  /// out: its facts could be wrong (a WHERE lost in the error).
  std::vector<SqlStatement> statements;
  /// What the parser gave up on (its time bound) or a walk did not reach.
  std::vector<SqlGap> gaps;
};

/// The statement holding byte `offset` among `ranges` (as split() gives
/// them): the last one that begins at or before it; nullopt when none does.
std::optional<Span> statement_at(const std::vector<Span>& ranges, uint32_t offset);

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;
  /// "PostgreSQL" or "MySQL", as messages name it.
  virtual std::string_view name() const = 0;
  /// Where each statement of `text` lies, in order, from its first token to
  /// its last (comments, blanks and the `;` left out). Works on text that
  /// does not parse.
  virtual std::vector<Span> split(const std::string& text) const = 0;
  virtual SqlParse parse(const std::string& text) const = 0;
};

/// libpg_query: the PostgreSQL 15 grammar.
const SqlDialect& postgres_dialect();
/// tree-sitter-sql, for MySQL and MariaDB.
const SqlDialect& mysql_dialect();

}  // namespace rbc
