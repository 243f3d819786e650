#pragma once
/// SQL dialects runbookc has no grammar for: BigQuery, ClickHouse, InfluxQL
/// (InfluxDB 1.x) and SQLite. A text in one of them is never reported as a
/// PostgreSQL syntax error. Its statements that PostgreSQL's grammar accepts
/// once reshaped (backticks as double quotes, ClickHouse's trailing FORMAT /
/// SETTINGS clauses blanked) get the usual facts, so DROP TABLE or DELETE
/// without WHERE are still seen; the dialect's own destructive statements
/// (DROP MEASUREMENT, ALTER TABLE ... DELETE WHERE) are read from a table.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/languages/sql_dialect.h"

namespace rbc {

/// "BigQuery", "ClickHouse", "InfluxQL", "SQLite", or "" when the text shows
/// none of their documented marks (BigQuery's `project.dataset.table`
/// backticks, ClickHouse's FORMAT clause and system tables, InfluxQL's
/// MEASUREMENT / RETENTION POLICY / SERIES, SQLite's PRAGMA and dot-commands).
std::string_view recognise_other_sql_dialect(std::string_view text);

/// A statement of the dialect's own that deletes data or disrupts it.
struct DialectStatementEffect {
  std::string_view dialect;  ///< "InfluxQL", "ClickHouse"
  std::string_view words;    ///< leading words, upper case; "..." skips to the next word ("ALTER TABLE ... DELETE")
  std::string_view does;     ///< "deletes every point of the measurement"
  std::string_view source;   ///< the documentation it comes from
};

/// The entry a "DialectStmt" statement was read as (its dialect and subkind).
const DialectStatementEffect* dialect_effect_of(std::string_view dialect, std::string_view words);

/// Every entry of the table, for `runbookc explain` and the tests.
std::vector<DialectStatementEffect> dialect_statement_effects();

/// Reads `text` as `dialect`: statement facts, spans relative to the text;
/// errors are never recorded. A statement of the table's becomes a
/// SqlStatement of kind "DialectStmt" whose subkind is the entry's words.
/// `dialect` is one recognise_other_sql_dialect() names.
SqlParse parse_other_dialect(const std::string& text, std::string_view dialect);

}  // namespace rbc
