#include "compiler/languages/analysis.h"

#include <algorithm>
#include <cctype>

#include "compiler/base/ascii.h"
#include "compiler/base/edit_distance.h"
#include "compiler/base/path_name.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/languages/command_effects.h"
#include "compiler/languages/content_sniffer.h"
#include "compiler/languages/language_registry.h"
#include "compiler/languages/normalize.h"
#include "compiler/languages/other_sql_dialects.h"
#include "compiler/languages/repl_transcript.h"
#include "compiler/languages/ruby_scan.h"
#include "compiler/languages/team_commands.h"
#include "compiler/base/pattern.h"
#include "compiler/languages/shell_analysis.h"
#include "compiler/languages/sql_dialect.h"

namespace rbc {
namespace {

/// The paragraph before a block says the block is what a command printed:
/// "Output:", "Example output:", "You should see something like:".
bool announces_output(std::string_view lead_in) {
  while (!lead_in.empty() && (lead_in.back() == ' ' || lead_in.back() == '\n')) lead_in.remove_suffix(1);
  if (lead_in.empty() || lead_in.back() != ':' || lead_in.size() > 160) return false;
  std::string text = ascii_lower(lead_in);
  for (std::string_view cue : {"output", "you should see", "returns", "prints", "result", "response"})
    if (text.find(cue) != std::string::npos) return true;
  return false;
}

/// Maps a piece of text whose bytes sit at body offsets `to_body` to file offsets.
std::vector<uint32_t> to_file(const Step& step, const std::vector<uint32_t>& to_body) {
  std::vector<uint32_t> out(to_body.size());
  for (size_t i = 0; i < to_body.size(); ++i) {
    uint32_t b = std::min<uint32_t>(to_body[i], static_cast<uint32_t>(step.body_to_file.size() - 1));
    out[i] = step.body_to_file[b];
  }
  return out;
}

Span piece_span(const SqlPiece& piece, uint32_t begin, uint32_t end) {
  auto at = [&](uint32_t i) { return piece.to_file[std::min<size_t>(i, piece.to_file.size() - 1)]; };
  return {at(begin), end > begin ? at(end - 1) + 1 : at(begin)};
}

std::string first_word_upper(std::string_view text, size_t from) {
  while (from < text.size() && !std::isalpha(static_cast<unsigned char>(text[from]))) {
    if (text.substr(from, 2) == "--") from = text.find('\n', from);
    if (from == std::string_view::npos) return "";
    ++from;
  }
  size_t end = from;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
  return ascii_upper(text.substr(from, end - from));
}

bool is_statement_keyword(const std::string& word) {
  static const char* keywords[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP",
                                   "TRUNCATE", "GRANT", "REVOKE", "BEGIN", "COMMIT", "ROLLBACK", "START", "SET",
                                   "SHOW", "VACUUM", "ANALYZE", "ANALYSE", "EXPLAIN", "REINDEX", "CLUSTER", "COPY",
                                   "DO", "CALL", "LOCK", "TABLE", "VALUES", "REFRESH", "COMMENT", "LISTEN", "NOTIFY",
                                   "DECLARE", "FETCH", "CLOSE", "PREPARE", "EXECUTE", "DEALLOCATE", "RESET", "END",
                                   "ABORT", "SAVEPOINT", "RELEASE", "CHECKPOINT", "DISCARD", "LOAD", "IMPORT", "SECURITY", "REASSIGN"};
  for (const char* k : keywords)
    if (word == k) return true;
  return false;
}

bool near_statement_keyword(const std::string& word) {
  for (const char* k : {"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT",
                        "VACUUM", "ANALYZE", "EXPLAIN", "REINDEX", "COMMIT", "BEGIN", "ROLLBACK"})
    if (word.size() >= 4 && edit_distance(word, k) <= 2) return true;
  return false;
}

/// The first statement of `text` (by the dialect's split) that begins at or
/// before `offset`, from its first token; the text's start when none does.
uint32_t statement_start(const std::vector<Span>& ranges, uint32_t offset) {
  std::optional<Span> statement = statement_at(ranges, offset);
  return statement ? statement->begin : 0;
}

/// A snippet that is not a statement (an expression or a clause shown on its
/// own), or syntax newer PostgreSQL accepts, is not a syntax error to report.
bool is_fragment_or_newer_syntax(const std::string& text, const SqlParse& parse) {
  const SqlParseError& error = parse.errors.front();
  if (error.message.find("subquery in FROM must have an alias") != std::string::npos) return true;  // valid since PostgreSQL 16
  size_t first = text.find_first_not_of(" \t\r\n");
  while (first != std::string::npos && text.compare(first, 2, "--") == 0) {
    first = text.find('\n', first);
    if (first != std::string::npos) first = text.find_first_not_of(" \t\r\n", first);
  }
  if (first == std::string::npos) return true;
  size_t from = std::max<size_t>(first, statement_start(parse.ranges, error.offset));
  std::string word = first_word_upper(text, from);
  return !word.empty() && !is_statement_keyword(word) && !near_statement_keyword(word) &&
         error.offset <= text.find_first_not_of(" \t\r\n", from) + word.size();
}

/// tree-sitter-sql knows MySQL's data statements well and its administrative
/// ones (SHOW GRANTS, CREATE USER ... IDENTIFIED BY, KILL) hardly at all, so
/// only errors inside data statements are trusted.
bool mysql_grammar_covers(const std::string& text, Span statement) {
  std::string word = first_word_upper(text, statement.begin);
  return word == "SELECT" || word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "WITH" || word == "REPLACE";
}

/// The MySQL statement in PostgreSQL's spelling: backticks become double
/// quotes, `LIMIT a, b` becomes `LIMIT b OFFSET a`, \G ends it.
bool postgres_accepts_reshaped(const std::string& text, Span statement) {
  std::string stmt = text.substr(statement.begin, statement.end - statement.begin);
  for (char& c : stmt)
    if (c == '`') c = '"';
  size_t g = stmt.find("\\G");
  if (g != std::string::npos) stmt.erase(g);
  static const Pattern limit(R"(\bLIMIT\s+(\d+)\s*,\s*(\d+))", Pattern::ignore_case);
  stmt = limit.replace_all(std::move(stmt), "LIMIT \\2 OFFSET \\1");
  return postgres_dialect().parse(stmt).errors.empty();
}

/// Statements and gaps of a parse, their spans mapped to the file.
void record(const SqlPiece& piece, SqlParse& parse, StepFacts& facts) {
  for (SqlStatement& st : parse.statements) {
    st.span = piece_span(piece, st.span.begin, st.span.end);
    facts.statements.push_back(std::move(st));
  }
  for (const SqlGap& gap : parse.gaps)
    facts.unchecked.push_back({piece_span(piece, gap.begin, gap.end), gap.reason});
}

/// Parses one SQL text, recording its error, its statements and what could
/// not be checked. A text the PostgreSQL grammar rejects but that is
/// recognisably MySQL goes to the MySQL dialect.
void check_sql(SqlPiece& piece, StepFacts& facts) {
  if (piece.text.find_first_not_of(" \t\r\n;") == std::string::npos) return;
  if (!piece.dialect.empty()) {
    SqlParse parse = parse_other_dialect(piece.text, piece.dialect);
    record(piece, parse, facts);
    return;
  }
  if (!piece.mysql) {
    SqlParse parse = postgres_dialect().parse(piece.text);
    if (parse.errors.empty()) {
      record(piece, parse, facts);
      return;
    }
    const SqlParseError& error = parse.errors.front();
    if (is_fragment_or_newer_syntax(piece.text, parse)) return;
    // BigQuery, ClickHouse, InfluxQL, SQLite: not PostgreSQL's errors to report.
    if (std::string_view other = recognise_other_sql_dialect(piece.text); !other.empty()) {
      piece.dialect = other;
      SqlParse others = parse_other_dialect(piece.text, other);
      record(piece, others, facts);
      return;
    }
    if (!looks_like_mysql(piece.text)) {
      piece.error = SyntaxError{piece_span(piece, error.offset, error.end), error.message};
      return;
    }
    piece.mysql = true;
  }
  SqlParse parse = mysql_dialect().parse(piece.text);
  // tree-sitter-sql knows MySQL only roughly: an error stands when the
  // statement, reshaped into PostgreSQL's spelling, is rejected there too.
  for (const SqlParseError& error : parse.errors) {
    Span statement = statement_at(parse.ranges, error.offset).value_or(Span{0, static_cast<uint32_t>(piece.text.size())});
    if (mysql_grammar_covers(piece.text, statement) && !postgres_accepts_reshaped(piece.text, statement)) {
      piece.error = SyntaxError{piece_span(piece, error.offset, error.end), error.message};
      break;
    }
  }
  // Statements with no error in or beside them stand, whatever the others hold.
  record(piece, parse, facts);
}

/// redis-cli options that take a value; the command word follows the options.
bool redis_option_takes_value(std::string_view flag) {
  static const char* with_value[] = {"-h", "-p", "-s", "-a", "-u", "-n", "-r", "-i", "-d", "-D", "--user", "--pass",
                                     "--cacert", "--cacertdir", "--cert", "--key", "--tls-ciphers", "--tls-ciphersuites",
                                     "--sni", "--pattern", "--quoted-pattern", "--count", "--rdb", "--pipe-timeout",
                                     "--memkeys-samples", "--eval", "--intrinsic-latency", "--functions-rdb", "--replica"};
  for (const char* f : with_value)
    if (flag == f) return true;
  return false;
}

void redis_from_command(const Command& cmd, StepFacts& facts) {
  if (cmd.argv.empty()) return;
  std::string_view prog = last_path_component(cmd.argv[0].text);
  if (prog != "redis-cli" && prog != "valkey-cli") return;
  size_t i = 1;
  while (i < cmd.argv.size() && cmd.argv[i].text.size() > 1 && cmd.argv[i].text[0] == '-') {
    i += redis_option_takes_value(cmd.argv[i].text) ? 2 : 1;
  }
  if (i >= cmd.argv.size()) return;
  RedisCommand rc;
  rc.name = ascii_upper(cmd.argv[i].text);
  rc.span = {cmd.argv[i].span.begin, cmd.argv.back().span.end};
  for (size_t k = i + 1; k < cmd.argv.size(); ++k) rc.args.push_back(cmd.argv[k].text);
  facts.redis.push_back(std::move(rc));
}

/// Ruby's calls that delete data. A Redis client's flushall / flushdb / del
/// are recorded as the Redis commands they send, so the Redis rules see them;
/// `delete(x)` with an argument removes a hash or array entry, not data.
void ruby_from_text(std::string_view text, const std::vector<uint32_t>& to_file_map, StepFacts& facts) {
  auto file_at = [&](uint32_t offset) { return to_file_map[std::min<size_t>(offset, to_file_map.size() - 1)]; };
  for (const RubyCallText& call : scan_ruby_calls(text)) {
    Span span{file_at(call.begin), file_at(call.end - 1) + 1};
    if (call.method == "flushall" || call.method == "flushdb") {
      facts.redis.push_back({ascii_upper(call.method), {}, span});
      continue;
    }
    if (call.method == "del") {  // Redis#del(keys): the DEL command, its keys unknown here
      facts.redis.push_back({"DEL", {}, span});
      continue;
    }
    if ((call.method == "delete" || call.method == "destroy") && call.has_arguments) continue;
    facts.ruby.push_back({call.method, call.receiver, call.unscoped, call.has_arguments, span});
  }
}

/// One command a line: an interactive redis session or a redis-cli heredoc.
void redis_from_lines(const std::string& text, const std::vector<uint32_t>& to_file_map, StepFacts& facts) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    size_t b = pos;
    // Strip a "127.0.0.1:6379> " prompt.
    size_t gt = text.find("> ", b);
    if (gt != std::string::npos && gt < end && text.substr(b, gt - b).find(' ') == std::string::npos) b = gt + 2;
    while (b < end && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    if (b < end && text[b] != '#') {
      std::vector<std::string> words;
      size_t w = b;
      while (w < end) {
        size_t e = w;
        while (e < end && !std::isspace(static_cast<unsigned char>(text[e]))) ++e;
        words.emplace_back(text.substr(w, e - w));
        w = e;
        while (w < end && std::isspace(static_cast<unsigned char>(text[w]))) ++w;
      }
      if (!words.empty() && std::isalpha(static_cast<unsigned char>(words[0][0]))) {
        RedisCommand rc;
        rc.name = ascii_upper(words[0]);
        rc.args.assign(words.begin() + 1, words.end());
        size_t last = end;
        while (last > b && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
        rc.span = {to_file_map[std::min(b, to_file_map.size() - 1)], to_file_map[std::min(last - 1, to_file_map.size() - 1)] + 1};
        facts.redis.push_back(std::move(rc));
      }
    }
    pos = end + 1;
  }
}

/// What was typed at a session's prompts, read in the session's language
/// where runbookc has one: psql's SQL, the mysql client's, redis-cli's commands.
void analyze_session_input(const Step& step, const ReplTranscript& session, StepFacts& facts) {
  if (session.repl == Repl::redis) {
    redis_from_lines(session.input, step.body_to_file, facts);
    return;
  }
  if (session.repl != Repl::psql && session.repl != Repl::mysql) return;
  SqlPiece piece;
  piece.mysql = session.repl == Repl::mysql;
  piece.text = piece.mysql ? session.input : normalize_sql(session.input).text;
  piece.to_file = step.body_to_file;
  piece.span = piece_span(piece, 0, static_cast<uint32_t>(piece.text.size()));
  check_sql(piece, facts);
  facts.sql.push_back(std::move(piece));
}

/// Tags that name bash or sh itself, not shells in general.
bool tag_names_bash_or_sh(std::string_view tag) {
  for (std::string_view t : {"bash", "sh", "dash", "ksh", "bourne", "bash-session", "sh-session"})
    if (tag == t) return true;
  return false;
}

/// fish, zsh or PowerShell under a shell tag. PowerShell is not a shell the
/// shell tags mean: a mis-tag. fish and zsh are a mis-tag under a tag that
/// names bash or sh (and fish under `zsh`); under a generic one (`shell`,
/// `console`) the tag is right, and like ShellCheck, which refuses shells it
/// does not know with a note, runbookc says it did not check the syntax.
/// True when the block is one of them: its bash syntax error is no finding.
bool other_shell(const Step& step, std::string_view shell_text, const Normalized& norm, bool bash_rejects,
                 StepFacts& facts) {
  // A console block without prompts was blanked as output: its own text tells.
  std::string shell = sniff_other_shell(norm.text.find_first_not_of(" \t\r\n") == std::string::npos ? shell_text : norm.text);
  if (shell.empty()) return false;
  // Text that is not shell at all (PromQL's `and on (...)`) is the sniffer's to name.
  if (bash_rejects) {
    std::string sniffed = sniff_content(norm.text, "shell");
    if (!sniffed.empty() && sniffed != "powershell") return false;
  }
  std::string_view tag = step.language;
  if (shell == "powershell" || tag_names_bash_or_sh(tag) || (shell == "fish" && tag == "zsh")) {
    facts.mistagged_as = shell == "powershell" ? "PowerShell" : shell;
    facts.mistagged_tag = shell;
  } else if (bash_rejects) {
    facts.unchecked.push_back({step.span,
                               "this block is " + shell + ", whose syntax is not bash's: runbookc checks bash syntax "
                               "only, so the block's syntax is not checked and its commands only as far as bash reads them",
                               true});
  }
  return true;
}

void analyze_shell_step(Step& step, StepFacts& facts, bool transcript, const TeamCommands* team) {
  // A psql, mysql, redis-cli, Ruby or mongo session pasted into the block:
  // its lines are blanked from the shell text and its input read apart.
  ReplTranscript session = split_repl_transcript(step.body);
  Normalized norm = normalize_shell(session.shell, transcript);
  facts.normalized = norm.text;
  std::vector<Span> ranges;
  for (const auto& p : norm.placeholders) ranges.push_back({p.begin, p.end});
  ShellFacts shell = analyze_shell(norm.text, ranges);
  for (size_t i = 0; i < norm.placeholders.size(); ++i) {
    const FoundPlaceholder& p = norm.placeholders[i];
    facts.placeholders.push_back({p.name, p.written, step.file_span(p.begin, p.end), shell.placeholder_quoting[i]});
  }
  facts.open_heredocs = std::move(shell.open_heredocs);
  if (shell.timed_out) {
    facts.unchecked.push_back({step.span,
                               "tree-sitter-bash gave up on this block (its time bound): nothing in it is checked, "
                               "neither its syntax nor its commands",
                               true});
    return;
  }
  for (const ShellGap& gap : shell.gaps) facts.unchecked.push_back({step.file_span(gap.begin, gap.end), gap.reason});

  for (const BodyCommand& bc : shell.commands) {
    Command cmd;
    cmd.span = step.file_span(bc.begin, bc.end);
    cmd.wrappers = bc.wrappers;
    cmd.pipeline = bc.pipeline;
    cmd.position_in_pipeline = bc.position_in_pipeline;
    cmd.negated = bc.negated;
    for (const BodyWord& w : bc.argv) cmd.argv.push_back({w.text, step.file_span(w.begin, w.end), w.literal});
    for (const BodyWord& w : bc.assignments) cmd.assignments.push_back({w.text, step.file_span(w.begin, w.end), w.literal});
    if (team) team->resolve(cmd);
    resolve_builtin_alias(cmd);
    redis_from_command(cmd, facts);
    record_effect(cmd);
    if (team && cmd.effect_entry == -1)
      if (std::optional<EffectMatch> own = team->match(cmd)) {
        cmd.team_effect = own->entry;
        cmd.effect_last_word = static_cast<uint32_t>(own->last_word);
      }
    facts.commands.push_back(std::move(cmd));
  }
  for (const EmbeddedText& e : shell.redis) redis_from_lines(e.text.text, to_file(step, e.text.to_body), facts);
  for (const EmbeddedText& e : shell.ruby) ruby_from_text(e.text.text, to_file(step, e.text.to_body), facts);
  for (const EmbeddedText& e : shell.sql) {
    SqlPiece piece;
    // Placeholders inside the SQL text (psql -c "... <pid>") were already
    // turned into identifiers by the shell normalization.
    piece.text = e.mysql ? e.text.text : normalize_sql(e.text.text).text;
    piece.to_file = to_file(step, e.text.to_body);
    piece.mysql = e.mysql;
    piece.dialect = e.dialect;
    piece.span = piece_span(piece, 0, static_cast<uint32_t>(piece.text.size()));
    check_sql(piece, facts);
    facts.sql.push_back(std::move(piece));
  }
  // A placeholder stands in the parsed text as a word of its own length
  // (`<offset>` -> `_offset_`): where bash would read that word as a variable
  // (`${s:<offset>}`), it is the placeholder, not the environment.
  for (const std::string& name : shell.variables_read) {
    bool placeholder = std::any_of(norm.placeholders.begin(), norm.placeholders.end(), [&](const FoundPlaceholder& p) {
      return std::string_view(norm.text).substr(p.begin, p.end - p.begin) == name;
    });
    if (!placeholder) facts.env_vars.push_back(name);
  }
  facts.vars_set = shell.variables_set;

  if (session.repl != Repl::none) {
    analyze_session_input(step, session, facts);
    // A session under a shell tag without `$ ` prompts: a script would run
    // its prompts and output as shell. Its shell text's errors are the
    // session's leftovers (banners, output), never a bash syntax error.
    if (!transcript && !session.dollar_prompts) {
      facts.mistagged_as = repl_description(session.repl);
      bool shell_lines = norm.text.find_first_not_of(" \t\r\n") != std::string::npos;
      facts.mistagged_tag = shell_lines ? "console" : repl_tag(session.repl);
    }
    return;
  }
  if (other_shell(step, session.shell, norm, shell.error_begin.has_value(), facts)) return;
  if (!shell.error_begin) return;
  // tree-sitter says no: is the block something else under a shell tag?
  std::string sniffed = sniff_content(norm.text, "shell");
  if (!sniffed.empty() && sniffed != "shell") {
    facts.mistagged_as = sniffed;
    return;
  }
  BashVerdict verdict = bash_check_syntax(norm.text);
  if (verdict.accepted()) return;  // a tree-sitter misparse: bash accepts it
  uint32_t begin = *shell.error_begin, end = shell.error_end;
  // Output pasted after a command (no prompts): a mis-tag, not broken shell.
  if (uint32_t line_no = verdict.line ? verdict.line : 1 + static_cast<uint32_t>(std::count(norm.text.begin(), norm.text.begin() + begin, '\n'))) {
    std::string_view text(norm.text);
    size_t at = 0;
    for (uint32_t l = 1; l < line_no && at != std::string_view::npos; ++l) {
      at = text.find('\n', at);
      if (at != std::string_view::npos) ++at;
    }
    if (at != std::string_view::npos) {
      std::string_view line = text.substr(at, text.find('\n', at) - at);
      if (looks_like_output_line(line) || announces_output(step.lead_in)) {
        facts.mistagged_as = "output";
        return;
      }
    }
  }
  // Prefer bash's line when tree-sitter points elsewhere.
  uint32_t ts_line = 1 + static_cast<uint32_t>(std::count(norm.text.begin(), norm.text.begin() + begin, '\n'));
  std::string message = shell.error_message;
  if (verdict.line > 0 && verdict.line != ts_line) {
    uint32_t line = 1, at = 0;
    while (line < verdict.line && at < norm.text.size()) {
      if (norm.text[at++] == '\n') ++line;
    }
    while (at < norm.text.size() && (norm.text[at] == ' ' || norm.text[at] == '\t')) ++at;
    begin = at;
    end = at;
    while (end < norm.text.size() && norm.text[end] != '\n') ++end;
    if (end == begin) end = begin + 1;
    message = verdict.message;
  }
  if (verdict.not_run()) message += " (tree-sitter-bash alone: " + verdict.message + ", so `bash -n` could not confirm it)";
  else if (!verdict.message.empty() && message == shell.error_message) message += " (bash: " + verdict.message + ")";
  // An unclosed quote is shown where it opens.
  for (char quote : {'"', '\''})
    if (shell.error_message == std::string("missing `") + quote + "`") {
      size_t open = norm.text.rfind(quote, begin > 0 ? begin - 1 : 0);
      if (open != std::string::npos) {
        begin = static_cast<uint32_t>(open);
        end = begin + 1;
      }
    }
  // An error at the very end ("missing `done`") is shown on the last code
  // line, not on the closing fence.
  if (begin >= norm.text.size() || norm.text.find_first_not_of(" \t\r\n", begin) == std::string::npos) {
    size_t last = norm.text.find_last_not_of(" \t\r\n");
    if (last != std::string::npos) {
      begin = static_cast<uint32_t>(last);
      end = begin + 1;
    }
  }
  facts.syntax_error = SyntaxError{step.file_span(begin, end), message};
}

void analyze_sql_step(Step& step, StepFacts& facts, bool mysql) {
  Normalized norm = normalize_sql(step.body);
  facts.normalized = norm.text;
  for (const auto& p : norm.placeholders) facts.placeholders.push_back({p.name, p.written, step.file_span(p.begin, p.end)});
  SqlPiece piece;
  piece.text = norm.text;
  piece.to_file = step.body_to_file;
  piece.mysql = mysql;
  piece.span = step.file_span(0, static_cast<uint32_t>(step.body.size()));
  check_sql(piece, facts);
  if (piece.error) {
    std::string sniffed = sniff_content(norm.text, piece.mysql ? "mysql" : "postgres");
    if (!sniffed.empty() && sniffed != "sql") {
      facts.mistagged_as = sniffed;
      piece.error.reset();
      facts.statements.clear();  // read from text that is not SQL
      facts.unchecked.clear();
    }
  }
  facts.sql.push_back(std::move(piece));
}

}  // namespace

void analyze_step(Step& step, const TeamCommands* team) {
  resolve_kind(step);
  StepFacts facts;
  facts.analyzed = true;
  const Language* language = language_of(step.kind);
  switch (language ? language->analyzer : Analyzer::none) {
    case Analyzer::shell: analyze_shell_step(step, facts, false, team); break;
    case Analyzer::console: analyze_shell_step(step, facts, true, team); break;
    case Analyzer::postgres: analyze_sql_step(step, facts, false); break;
    case Analyzer::mysql: analyze_sql_step(step, facts, true); break;
    case Analyzer::redis: {
      facts.normalized = step.body;
      redis_from_lines(step.body, step.body_to_file, facts);
      break;
    }
    case Analyzer::ruby: ruby_from_text(step.body, step.body_to_file, facts); break;
    case Analyzer::none: break;
  }
  step.facts = std::move(facts);
}

namespace {

/// The sentence around a code span warns against running it: "never run
/// `FLUSHALL` here", "do not use `kubectl delete ns`", "instead of `rm -rf`".
bool warned_against(std::string_view paragraph, std::string_view code) {
  size_t at = paragraph.find(code);
  if (at == std::string_view::npos) return false;
  size_t begin = paragraph.find_last_of(".!?;", at);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  size_t end = paragraph.find_first_of(".!?;", at + code.size());
  std::string sentence = ascii_lower(paragraph.substr(begin, end == std::string_view::npos ? end : end - begin));
  for (std::string_view cue : {"never ", "don't ", "do not ", "must not ", "should not ", "shouldn't ", "avoid ",
                               "instead of ", "rather than ", "not recommended", "refrain ", "dangerous",
                               "careful", "caution", "warning"})
    if (sentence.find(cue) != std::string::npos) return true;
  return false;
}

/// A code span is analysed as a command when its first word (after sudo)
/// names a program the effect table knows, it parses as shell, it names a
/// target (more than the words of its effect-table entry), and its sentence
/// does not warn against it.
void analyze_inline_step(Step& step, const TeamCommands* team) {
  std::string_view code(step.body.data(), step.body.size() - 1);
  std::string_view first = code.substr(0, code.find(' '));
  if (first == "sudo") {
    std::string_view rest = code.substr(code.find(' ') + 1);
    first = rest.substr(0, rest.find(' '));
  }
  if (!is_known_program(last_path_component(first)) || warned_against(step.lead_in, code)) return;
  resolve_kind(step);
  Normalized norm = normalize_shell(step.body, false);
  std::vector<Span> ranges;
  for (const auto& p : norm.placeholders) ranges.push_back({p.begin, p.end});
  if (analyze_shell(norm.text, ranges).error_begin) return;  // prose in backticks, not a command
  StepFacts facts;
  facts.analyzed = true;
  analyze_shell_step(step, facts, false, team);
  // A command named, not written out: `kubectl drain`, `rbd rm` with nothing
  // after the words that say what it does has no target to act on.
  if (facts.commands.empty()) return;
  std::optional<EffectMatch> match = effect_of(facts.commands.front());
  if (match && match->last_word + 1 >= facts.commands.front().argv.size()) return;
  step.facts = std::move(facts);
}

}  // namespace

void analyze(Runbook& runbook, const TeamCommands* team) {
  for (Step& step : runbook.steps) analyze_step(step, team);
  for (Step& step : runbook.inline_steps) analyze_inline_step(step, team);
}

}  // namespace rbc
