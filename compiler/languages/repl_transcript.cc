#include "compiler/languages/repl_transcript.h"

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"
#include "compiler/languages/content_sniffer.h"
#include "compiler/languages/normalize.h"

namespace rbc {
namespace {

bool is_name_char(char c) { return is_ascii_alnum(c) || c == '_' || c == '-' || c == '.'; }

void blank(std::string& text, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < text.size(); ++i)
    if (text[i] != '\n') text[i] = ' ';
}

/// A prompt matched at the start of a line, with the space after it.
size_t match_length(const Pattern& prompt, std::string_view line) {
  PatternMatch m;
  return prompt.find(line, m) && m.position == 0 ? m.length() : 0;
}

}  // namespace

size_t psql_prompt_length(std::string_view line) {
  size_t i = 0;
  if (i >= line.size() || !(is_ascii_alpha(line[i]) || line[i] == '_')) return 0;
  while (i < line.size() && is_name_char(line[i])) ++i;
  // A database name may hold '-', so `db-> ` and `db-# ` end it with their state.
  if (i > 1 && line[i - 1] == '-' && i < line.size() && (line[i] == '>' || line[i] == '#')) --i;
  if (i + 1 >= line.size()) return 0;
  char state = line[i];
  if (state != '=' && state != '-' && state != '(' && state != '\'' && state != '"' && state != '*' && state != '$')
    return 0;
  size_t at = i + 1;
  if (state == '=' && (line[at] == '*' || line[at] == '!' || line[at] == '?')) ++at;  // %x: transaction state
  if (at >= line.size() || (line[at] != '#' && line[at] != '>')) return 0;
  size_t len = at + 1;
  if (len < line.size() && line[len] == ' ') ++len;
  return len;
}

ReplPrompt repl_prompt(std::string_view line, Repl in, bool mongo_started) {
  if (size_t n = psql_prompt_length(line)) return {Repl::psql, n};
  // Every other prompt ends in '>': a line without one is spared the patterns.
  if (line.find('>') == std::string_view::npos) return {};
  // mysql's own prompt and MariaDB's; `->`, `'>`, `">` continue a statement.
  static const Pattern mysql(R"(^(mysql|MariaDB \[[^\]\n]*\])> ?)");
  if (size_t n = match_length(mysql, line)) return {Repl::mysql, n};
  static const Pattern mysql_continuation(R"(^\s*['"`-]> ?)");
  if (in == Repl::mysql)
    if (size_t n = match_length(mysql_continuation, line)) return {Repl::mysql, n};
  // redis-cli: `127.0.0.1:6379> `, `redis:6379[2]> `, `host:6379(TX)> `.
  static const Pattern redis(R"(^(redis )?[\w.-]+:\d+(\[\d+\])?(\(TX\))?> ?)");
  if (size_t n = match_length(redis, line)) return {Repl::redis, n};
  // irb `irb(main):001:0> ` and `irb(main):001> ` (Ruby 3.3), pry `[1] pry(main)> `,
  // rails console `app(prod)> ` (Rails 7.2). Their continuation prompts
  // (`*`, `"`) are read as output: Ruby is not analysed.
  static const Pattern ruby(
      R"(^(irb\([^)\n]*\):\d+(:\d+)?|\[\d+\] pry\([^)\n]*\)(:\d+)?|[\w-]+\((dev|development|prod|production|staging|test|sandbox)\))> ?)");
  if (size_t n = match_length(ruby, line)) return {Repl::ruby, n};
  // mongo: `rs0:PRIMARY> `, mongosh `rs0 [direct: primary] test> `; after a
  // mongo/mongosh command, its plain `> ` and `test> `.
  static const Pattern mongo_member(R"(^[\w.-]+(:(PRIMARY|SECONDARY|ARBITER|OTHER|STARTUP2?|RECOVERING)| \[[\w :.-]+\] [\w.-]+)> ?)");
  if (size_t n = match_length(mongo_member, line)) return {Repl::mongo, n};
  static const Pattern mongo_plain(R"(^([\w.-]+)?> )");
  if (in == Repl::mongo || mongo_started)
    if (size_t n = match_length(mongo_plain, line)) return {Repl::mongo, n};
  return {};
}

ReplTranscript split_repl_transcript(std::string_view body) {
  ReplTranscript out;
  out.shell = std::string(body);
  out.input = std::string(body.size(), ' ');
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n') out.input[i] = '\n';
  // mongo or mongosh where a command starts: first, after a prompt, sudo or `--`.
  static const Pattern mongo_command(R"((^\s*|[$#] |sudo |\s--\s+)(\S*/)?(mongo|mongosh)(\s|$))");
  Repl in = Repl::none;
  bool mongo_started = false;
  size_t first_prompt_line = std::string_view::npos;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::string_view line = body.substr(pos, end - pos);
    size_t shell_prompt = shell_prompt_length(line, false);
    if (shell_prompt > 0) {
      out.dollar_prompts = true;
      in = Repl::none;
    }
    ReplPrompt prompt = shell_prompt > 0 ? ReplPrompt{} : repl_prompt(line, in, mongo_started);
    if (prompt.repl != Repl::none) {
      if (out.repl == Repl::none) {
        out.repl = prompt.repl;
        first_prompt_line = pos;
      }
      in = prompt.repl;
      blank(out.shell, pos, end);
      if (prompt.repl == out.repl)
        for (size_t i = pos + prompt.length; i < end; ++i) out.input[i] = body[i];
    } else if (in != Repl::none) {
      blank(out.shell, pos, end);  // what the session printed
    } else if (line.find("mongo") != std::string_view::npos && mongo_command.search(line)) {
      mongo_started = true;
    }
    pos = end + 1;
  }
  if (out.repl == Repl::none) {
    out.shell = std::string(body);
    return out;
  }
  // Before the first prompt: the command that starts the session stays shell,
  // its banner ("psql (15.4)", "Loading production environment") does not.
  static const Pattern banner(R"(^\s*([A-Z][\w-]*( [\w"'.,:()-]+)*|\w+ \([\d.]+\)|Type "help".*)\s*$)");
  pos = 0;
  while (pos < first_prompt_line) {
    size_t end = body.find('\n', pos);
    std::string_view line = body.substr(pos, end - pos);
    if (shell_prompt_length(line, false) == 0 && (looks_like_output_line(line) || banner.search(line)))
      blank(out.shell, pos, end);
    pos = end + 1;
  }
  return out;
}

std::string_view repl_description(Repl repl) {
  switch (repl) {
    case Repl::psql: return "a psql session";
    case Repl::mysql: return "a mysql client session";
    case Repl::redis: return "a redis-cli session";
    case Repl::ruby: return "a Ruby console session (irb, pry or rails console)";
    case Repl::mongo: return "a mongo shell session";
    case Repl::none: break;
  }
  return "";
}

std::string_view repl_tag(Repl repl) {
  switch (repl) {
    case Repl::psql: return "psql";
    case Repl::mysql: return "mysql";
    case Repl::redis: return "redis";
    case Repl::ruby: return "irb";
    case Repl::mongo: return "javascript";
    case Repl::none: break;
  }
  return "";
}

}  // namespace rbc
