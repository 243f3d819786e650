#pragma once
/// The IR: what the markdown front end builds from one runbook, the analysis
/// enriches with facts, and every back end (lint, html, script, json) reads.
/// All spans are byte offsets into SourceFile::text().
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/syntax/source_file.h"

namespace rbc {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;  ///< exclusive
};

/// What a code block holds, from its fence tag (or a guess when untagged).
/// `other`: a tag the language table does not list; `none`: untagged.
enum class BlockKind { none, shell, console, postgres, mysql, redis, ruby, other };
const char* to_string(BlockKind kind);

/// Where a runbook names an alert: which convention and which line.
struct AlertOrigin {
  std::string name;
  std::string source;  ///< "front_matter", "file_name", "heading" or "pattern"
  uint32_t line = 0;   ///< 1-based; the first line for a file name
  uint32_t column = 1;
};

struct Metadata {
  std::string title;
  std::string service;
  std::string severity;  ///< "P0".."P3" or empty
  std::string owner;
  std::vector<std::string> alerts;  ///< each once, in the order found
  /// Every (alert, source) pair found, front matter first; `alerts` without the repeats.
  std::vector<AlertOrigin> alert_origins;
  std::vector<std::string> tags;
  std::string last_reviewed;  ///< YYYY-MM-DD as written
  std::string review_every;   ///< e.g. "90d"
  std::string next_review;    ///< in-body "Next Review:" date
  std::string version;
  /// Headings (titles or anchors) whose subsections are alternatives to one
  /// another: a script runs one of them (front matter `alternatives:`).
  std::vector<std::string> alternatives;
  /// Line (1-based) each key was found on, front matter or body convention.
  std::map<std::string, uint32_t> lines;
  bool from_front_matter = false;
};

struct FrontMatter {
  bool present = false;
  Span span;                  ///< from the opening --- to the closing ---
  std::string yaml;           ///< the text between the fences
  uint32_t first_line = 0;    ///< line of the first YAML line
  std::optional<std::string> error;  ///< YAML error message
  uint32_t error_line = 0;    ///< 1-based file line of the error
  uint32_t error_column = 0;  ///< 1-based
};

struct Section {
  int level = 1;
  std::string title;   ///< plain text of the heading
  std::string anchor;  ///< GitHub-compatible slug, unique in the runbook
  Span span;           ///< the heading line(s)
  uint32_t line = 0;
  int parent = -1;     ///< index of the enclosing section, -1 for top level
};

struct Link {
  std::string url;
  std::string text;
  Span span;
  uint32_t line = 0;
  int section = -1;
};

struct HtmlComment {
  std::string text;  ///< including <!-- and -->
  Span span;
  uint32_t line = 0;
};

/// Where a placeholder of a shell step stands, as bash reads the step: the
/// innermost quoting around it in the step's tree-sitter-bash tree. A script
/// inserts the value in the form this allows (compiler/model/step_text.h).
enum class ShellQuoting {
  unknown,          ///< not a shell step, or its tree cannot be trusted here
  unquoted,         ///< a word or part of one; also inside $(...), ${...}, $((...))
  double_quoted,    ///< inside "..." or $"..."
  single_quoted,    ///< inside '...'
  ansi_c,           ///< inside $'...'
  heredoc,          ///< in the body of an unquoted here-document (<<EOF)
  quoted_heredoc,   ///< in the body of a quoted one (<<'EOF'), where nothing expands
  comment,
};
const char* to_string(ShellQuoting quoting);

/// A `<name>`, `{{name}}` or `[name]` standing for a value the reader fills in.
struct Placeholder {
  std::string name;     ///< normalized: lower-case kebab ("previous-version")
  std::string written;  ///< as in the source ("<previous-version>")
  Span span;
  ShellQuoting quoting = ShellQuoting::unknown;  ///< shell steps only
};

/// One shell word after quote removal; `literal` is false when it holds an
/// expansion ($VAR, $(...), globs) whose value is only known at run time.
struct Word {
  std::string text;
  Span span;
  bool literal = true;
};

struct EffectEntry;  // compiler/languages/command_effects.h

/// A simple command as it will run: wrappers (sudo, env, kubectl exec --,
/// bash -c '...') are unwrapped and recorded; argv[0] is the program.
struct Command {
  std::vector<Word> argv;
  std::vector<Word> assignments;      ///< prefix assignments (`PGPASSWORD=x psql`), whole `NAME=value` words
  std::vector<std::string> wrappers;  ///< outermost first, e.g. {"sudo"}
  Span span;                          ///< the whole simple command
  /// The command-effect table's entry it matches, worked out once by the
  /// analysis (compiler/languages/command_effects.h): -1 none, -2 not yet.
  int effect_entry = -2;
  uint32_t effect_last_word = 0;      ///< argv index of the entry's last path word
  /// A team's own command (`.runbookc.yaml` commands:) it matches when the
  /// table has none; effect_last_word then indexes its path.
  const EffectEntry* team_effect = nullptr;
  int pipeline = -1;                  ///< commands with the same id are piped together
  int position_in_pipeline = 0;
  bool negated = false;
};

/// A syntax error found by a parser, at a span of the file.
struct SyntaxError {
  Span span;
  std::string message;
};

/// A SQL text inside a step: a whole sql block or one pulled out of shell
/// (psql -c "...", a heredoc). `to_file` maps each byte of `text` (and one
/// past the end) to a file offset.
struct SqlPiece {
  std::string text;
  std::vector<uint32_t> to_file;
  bool mysql = false;
  /// A dialect without a grammar here, when the command that runs the text
  /// says so (clickhouse-client, bq, sqlite3, influx): "ClickHouse", ...
  std::string_view dialect;
  std::optional<SyntaxError> error;
  Span span;  ///< where it stands in the file
};

/// One SQL statement, as a dialect (compiler/languages/sql_dialect.h) read it.
/// Kinds and subkinds are named as in the PostgreSQL parse tree whatever the
/// dialect; a dialect fills only what its statement means in that dialect.
struct SqlStatement {
  std::string kind;      ///< parse-tree node name, e.g. "UpdateStmt", "DropStmt"; empty: no kind recorded
  std::string subkind;   ///< e.g. "OBJECT_TABLE" for DropStmt, "AT_AlterColumnType"
  std::string_view dialect;  ///< "PostgreSQL" or "MySQL": the grammar that read it
  std::vector<std::string> relations;
  bool has_where = false;
  bool where_always_true = false;
  /// UPDATE or DELETE without WHERE whose rows are bounded all the same:
  /// MySQL's `LIMIT n`, or the ON of an inner join in a multi-table UPDATE.
  bool bounded_without_where = false;
  bool if_not_exists = false;  ///< CREATE TABLE ... IF NOT EXISTS
  bool concurrently = false;
  bool cascade = false;
  bool in_transaction = false;  ///< between BEGIN and COMMIT/ROLLBACK in the same piece
  std::vector<std::string> functions;    ///< lower-case names of every function called, e.g. "pg_terminate_backend"
  std::vector<std::string> tables_read;  ///< every relation named anywhere, FROM and subqueries included
  bool spares_own_backend = false;       ///< a `pid <> pg_backend_pid()` (or !=) comparison is present
  std::string json;             ///< PostgreSQL only: the statement's parse tree (JSON); empty for MySQL
  std::string text;             ///< source text of the statement
  Span span;
};

/// A Ruby method call that deletes or rewrites data (`.delete_all`,
/// `.destroy`, `&:delete`, a Redis client's `.flushall`), found by a lexical
/// scan of Ruby code (strings and comments skipped).
struct RubyCall {
  std::string method;    ///< "delete_all", "destroy", "flushall", ...
  std::string receiver;  ///< the call chain before the method, as written ("User.where(x: 1)")
  /// The receiver is a constant, alone or through `.all` / `.unscoped`
  /// (`User.delete_all`, `Order.all.update_all(...)`): every row of the table.
  bool unscoped = false;
  bool has_arguments = false;
  Span span;  ///< the method name
};

/// A redis-cli (or interactive redis) command: the command word upper-cased, then its args.
struct RedisCommand {
  std::string name;
  std::vector<std::string> args;
  Span span;
};

/// Part of a step that a check could not cover: a parser gave up (its time
/// bound) or a walk stopped at its depth bound. What lies there has no facts.
struct UncheckedPart {
  Span span;            ///< where checking stopped; the fence when `whole_block`
  std::string reason;   ///< what could not be checked and why, for the finding
  bool whole_block = false;  ///< nothing in the block was checked
};

/// Facts the analysis computes for a step; rules read only these.
struct StepFacts {
  bool analyzed = false;
  /// The body with prompts, output lines and meta-commands blanked and
  /// placeholders replaced by same-length identifiers: offsets are unchanged.
  std::string normalized;
  std::optional<SyntaxError> syntax_error;
  std::string mistagged_as;  ///< "json", "yaml", "promql", "output", ... when the tag is wrong
  std::string mistagged_tag;  ///< the tag to use instead; empty: `mistagged_as` is one ("text" for output)
  std::vector<Placeholder> placeholders;
  /// Shell: delimiters of the here-documents still open where the step ends,
  /// in the order they were opened (a script closes them).
  std::vector<std::string> open_heredocs;
  std::vector<std::string> env_vars;  ///< variables the step reads and does not set itself
  std::vector<std::string> vars_set;  ///< variables the step sets (assignments, export, read, for)
  std::vector<Command> commands;
  std::vector<SqlPiece> sql;
  std::vector<SqlStatement> statements;
  std::vector<RedisCommand> redis;
  std::vector<RubyCall> ruby;
  std::vector<UncheckedPart> unchecked;
};

struct Step {
  int index = 0;               ///< 0-based, in document order
  std::string info;            ///< the fence's info string as written
  std::string language;        ///< first word of the info string, lower-cased
  /// What the block holds, from `language` through the language table
  /// (compiler/languages/language_registry.h); set by the analysis, `none` before.
  BlockKind kind = BlockKind::none;
  bool kind_guessed = false;   ///< untagged block recognised by its content
  std::map<std::string, std::string> attributes;  ///< {name=... danger="..."}
  std::string body;
  std::vector<uint32_t> body_to_file;  ///< file offset of each body byte, plus one past the end
  Span span;                   ///< the whole block, fences included
  uint32_t line = 0;           ///< line of the opening fence
  bool fenced = true;          ///< false for indented code blocks
  bool closed = true;          ///< false when the closing fence is missing
  int section = -1;
  /// Why the author accepts this step's danger: the fence's `danger="..."`, or a
  /// `<!-- runbookc-danger reason="..." -->` under an enclosing heading. Empty: none.
  std::string declared_danger;
  /// The paragraph right before the block, when it is the block's previous
  /// sibling ("Output:", "Run the following:"), as plain text; empty otherwise.
  std::string lead_in;
  StepFacts facts;

  /// File span of body bytes [begin, end).
  Span file_span(uint32_t begin, uint32_t end) const;
  bool runnable() const;
};

/// The document tree as the front end read it, for back ends that render
/// prose (html). Mirrors CommonMark + GFM node types; code blocks point to
/// their Step, headings to their Section.
struct DocNode {
  enum class Type {
    document, paragraph, heading, block_quote, list, item, code_block, html_block,
    thematic_break, table, table_row, table_cell, text, softbreak, linebreak, code,
    html_inline, emph, strong, strikethrough, link, image, footnote_reference, other
  };
  Type type = Type::other;
  std::string text;     ///< literal of text, code, html nodes
  std::string url;      ///< link and image destination
  std::string title;    ///< link and image title
  bool ordered = false; ///< list
  int start = 1;        ///< ordered list start
  int checked = -1;     ///< task-list item: 0 unchecked, 1 checked, -1 not a task
  bool header_row = false;  ///< table_row
  int step = -1;        ///< code_block: index into Runbook::steps
  int section = -1;     ///< heading: index into Runbook::sections
  uint32_t line = 0;
  std::vector<DocNode> children;
};

/// The text a reader sees in `node`: text and code spans, each line break as
/// a space, markup and raw HTML left out. Headings' titles (Section::title),
/// the site's alt text and search text, and the scripts' step context all read
/// it, so they agree. The front end bounds the tree's depth (kMaxNesting).
std::string plain_text(const DocNode& node);

struct Runbook {
  std::shared_ptr<SourceFile> source;
  DocNode document;
  FrontMatter front_matter;
  Metadata metadata;
  std::vector<Section> sections;
  std::vector<Step> steps;
  /// Code spans in prose that may be one command (`kubectl delete pvc x`),
  /// as one-line shell steps (index -1, lead_in the sentence around them).
  /// The analysis keeps as commands those that parse and name a known
  /// program; rules see them, back ends never run or render them as steps.
  std::vector<Step> inline_steps;
  std::vector<Link> links;
  std::vector<HtmlComment> comments;
  std::vector<uint32_t> invalid_utf8;  ///< offsets of invalid UTF-8 sequences (repaired to '?')
  bool binary = false;                 ///< holds NUL bytes: not analysed further
  std::vector<bool> code_line;         ///< per 1-based line (index 0 unused): inside a code block

  const std::string& path() const { return source->path(); }
  /// Innermost section containing `offset`, -1 before the first heading.
  int section_at(uint32_t offset) const;
  /// Index of the code block whose span (fences included) holds `offset`, -1 outside every block.
  int step_at(uint32_t offset) const;
  /// The section's heading chain ("Mitigation > Connection pool exhausted").
  std::string section_path(int section) const;
};

}  // namespace rbc
