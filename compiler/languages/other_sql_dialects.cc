#include "compiler/languages/other_sql_dialects.h"

#include <array>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"

namespace rbc {
namespace {

// Marks each dialect's documentation gives it and PostgreSQL does not have.
const Pattern& bigquery_marks() {
  // `project.dataset.table` in one pair of backticks (MySQL quotes each part);
  // BigQuery's own functions, types and pseudo-columns.
  static const Pattern p(R"(`[A-Za-z0-9_-]+\.[A-Za-z0-9_*-]+(\.[A-Za-z0-9_*-]+)?`|)"
                         R"(\b(SAFE_CAST|SAFE_DIVIDE|_PARTITIONTIME|_PARTITIONDATE|FORMAT_TIMESTAMP|)"
                         R"(TIMESTAMP_SUB|TIMESTAMP_TRUNC|INT64|FLOAT64)\b|`region-[a-z0-9-]+`)",
                         Pattern::ignore_case);
  return p;
}

const Pattern& clickhouse_marks() {
  static const Pattern p(
      // `... FORMAT Vertical` ends a query; EXPLAIN (FORMAT JSON) is PostgreSQL's.
      R"(\w\s+FORMAT\s+(Vertical|JSON\w*|TSV\w*|CSV\w*|Pretty\w*|TabSeparated\w*)\b|)"
      R"(\bsystem\.(parts|query_log|mutations|replicas|merges|tables|columns|processes|clusters|disks|)"
      R"(part_log|replication_queue|distribution_queue|zookeeper)\b|\bENGINE\s*=\s*\w*MergeTree|)"
      R"(\bOPTIMIZE\s+TABLE\b|\bON\s+CLUSTER\b|)"
      R"(\b(toDate|toDateTime|toStartOf\w+|formatReadableSize|countIf|sumIf|uniqExact|arrayJoin)\s*\()",
      Pattern::ignore_case);
  return p;
}

const Pattern& influxql_marks() {
  // SHOW/DROP of InfluxDB's own objects, RETENTION POLICY, and time bounds
  // written as durations (`time > now() - 1h`).
  static const Pattern p(R"(\b(SHOW|DROP)\s+(MEASUREMENTS?|SERIES|SHARDS?|RETENTION\s+POLICIES|TAG\s+KEYS|)"
                         R"(TAG\s+VALUES|FIELD\s+KEYS|CONTINUOUS\s+QUERIES)\b|\bRETENTION\s+POLICY\b|)"
                         R"(\bnow\(\)\s*-\s*\d+(ns|u|ms|s|m|h|d|w)\b)",
                         Pattern::ignore_case);
  return p;
}

const Pattern& sqlite_marks() {
  static const Pattern p(R"(^\s*PRAGMA\s|^\s*\.(tables|schema|mode|headers|dump|import|quit|exit|read|indexes|)"
                         R"(databases|open)\b|\bsqlite_(master|schema|sequence)\b|\bAUTOINCREMENT\b)",
                         Pattern::ignore_case | Pattern::multiline);
  return p;
}

// The dialects' own statements that delete data (their reference manuals).
constexpr std::array<DialectStatementEffect, 9> kEffects = {{
    {"InfluxQL", "DROP MEASUREMENT", "deletes every point of the measurement and its series",
     "InfluxDB 1.x docs: Manage your database using InfluxQL"},
    {"InfluxQL", "DROP SERIES", "deletes the series and every point in them", "InfluxDB 1.x docs: DROP SERIES"},
    {"InfluxQL", "DELETE", "deletes the points that match, or every point of the measurement without WHERE",
     "InfluxDB 1.x docs: DELETE"},
    {"InfluxQL", "DROP DATABASE", "deletes the database with all its measurements and points",
     "InfluxDB 1.x docs: DROP DATABASE"},
    {"InfluxQL", "DROP RETENTION POLICY", "deletes the retention policy and every point it holds",
     "InfluxDB 1.x docs: DROP RETENTION POLICY"},
    {"InfluxQL", "DROP SHARD", "deletes the shard and the points in it", "InfluxDB 1.x docs: DROP SHARD"},
    {"ClickHouse", "ALTER TABLE ... DELETE", "starts a mutation that deletes the matching rows on every part",
     "ClickHouse docs: ALTER TABLE ... DELETE"},
    {"ClickHouse", "ALTER TABLE ... DROP PARTITION", "deletes the partition and its rows",
     "ClickHouse docs: Manipulating Partitions"},
    {"ClickHouse", "ALTER TABLE ... DROP PART", "deletes the part and its rows",
     "ClickHouse docs: Manipulating Partitions"},
}};

/// Upper-case words of a statement, up to `limit`.
std::vector<std::string> leading_words(std::string_view text, size_t limit) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size() && words.size() < limit) {
    while (i < text.size() && !is_ascii_alnum(text[i]) && text[i] != '_' && text[i] != '`' && text[i] != '"') ++i;
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r' &&
           text[end] != ';' && text[end] != '(')
      ++end;
    if (end > i) words.push_back(ascii_upper(text.substr(i, end - i)));
    i = end;
  }
  return words;
}

/// The table's entry the statement is, if any.
const DialectStatementEffect* match_effect(std::string_view dialect, std::string_view statement) {
  std::vector<std::string> words = leading_words(statement, 12);
  for (const DialectStatementEffect& e : kEffects) {
    if (e.dialect != dialect) continue;
    std::vector<std::string> want;  // the entry's words as written ("..." included)
    for (size_t b = 0, sp; b < e.words.size(); b = sp + 1) {
      sp = e.words.find(' ', b);
      if (sp == std::string_view::npos) sp = e.words.size();
      want.emplace_back(e.words.substr(b, sp - b));
    }
    size_t at = 0;
    bool ok = true;
    for (size_t k = 0; k < want.size() && ok; ++k) {
      if (want[k] == "...") {  // one word or more (a table name, ON CLUSTER x), then the next wanted word
        ++k;
        if (k >= want.size()) break;
        ++at;
        while (at < words.size() && words[at] != want[k]) ++at;
        ok = at < words.size();
        ++at;
        continue;
      }
      ok = at < words.size() && words[at] == want[k];
      ++at;
    }
    if (ok) return &e;
  }
  return nullptr;
}

/// The statement in PostgreSQL's spelling where the dialect differs only in
/// quoting or a trailing clause; same length, so offsets hold.
std::string reshaped(std::string statement, std::string_view dialect) {
  for (char& c : statement)
    if (c == '`') c = '"';
  if (dialect == "ClickHouse") {
    static const Pattern trailing(R"(\s(FORMAT\s+\w+|SETTINGS\s+.*)$)", Pattern::ignore_case);
    PatternMatch m;
    if (trailing.find(statement, m))
      for (size_t i = m.position; i < m.position + m.length(); ++i) statement[i] = ' ';
  }
  return statement;
}

}  // namespace

std::string_view recognise_other_sql_dialect(std::string_view text) {
  if (bigquery_marks().search(text)) return "BigQuery";
  if (clickhouse_marks().search(text)) return "ClickHouse";
  if (influxql_marks().search(text)) return "InfluxQL";
  if (sqlite_marks().search(text)) return "SQLite";
  return "";
}

std::vector<DialectStatementEffect> dialect_statement_effects() { return {kEffects.begin(), kEffects.end()}; }

const DialectStatementEffect* dialect_effect_of(std::string_view dialect, std::string_view words) {
  for (const DialectStatementEffect& e : kEffects)
    if (e.dialect == dialect && e.words == words) return &e;
  return nullptr;
}

SqlParse parse_other_dialect(const std::string& text, std::string_view dialect) {
  SqlParse out;
  std::string_view dialect_name;  // the static spelling: SqlStatement::dialect outlives `dialect`
  for (std::string_view name : {"BigQuery", "ClickHouse", "InfluxQL", "SQLite"})
    if (name == dialect) dialect_name = name;
  out.ranges = postgres_dialect().split(text);
  for (const Span& range : out.ranges) {
    std::string statement = text.substr(range.begin, range.end - range.begin);
    if (const DialectStatementEffect* effect = match_effect(dialect_name, statement)) {
      SqlStatement st;
      st.kind = "DialectStmt";
      st.subkind = std::string(effect->words);
      st.dialect = effect->dialect;
      st.text = statement;
      st.span = range;
      out.statements.push_back(std::move(st));
      continue;
    }
    SqlParse parsed = postgres_dialect().parse(reshaped(statement, dialect_name));
    if (!parsed.errors.empty()) continue;  // the dialect's own syntax: not checked
    for (SqlStatement& st : parsed.statements) {
      // Only what every dialect means alike: reading, writing and dropping
      // rows and tables. Locks, CONCURRENTLY, VACUUM or ALTER TABLE are
      // PostgreSQL's own and would be wrong said of another engine.
      bool shared = st.kind == "SelectStmt" || st.kind == "InsertStmt" || st.kind == "UpdateStmt" ||
                    st.kind == "DeleteStmt" || st.kind == "TruncateStmt" ||
                    (st.kind == "DropStmt" && st.subkind != "OBJECT_INDEX");
      if (!shared) continue;
      st.dialect = dialect_name;
      st.span = {st.span.begin + range.begin, st.span.end + range.begin};
      out.statements.push_back(std::move(st));
    }
  }
  return out;
}

}  // namespace rbc
