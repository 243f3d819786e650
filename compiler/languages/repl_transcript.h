#pragma once
/// Interactive sessions pasted into shell blocks: psql, mysql, redis-cli,
/// irb/pry/rails console and the mongo shell. Each line of such a block is
/// shell (the command that starts the session, `$ ` lines), input typed at
/// the session's prompt, or what the session printed. The one place that
/// knows these prompts: normalize_sql reads psql's from here too.
#include <cstddef>
#include <string>
#include <string_view>

namespace rbc {

enum class Repl { none, psql, mysql, redis, ruby, mongo };

/// Length of a psql prompt at the start of `line`, 0 when there is none:
/// `db=# `, `db=> ` (not a superuser), `db-# `, `db(# `, `db'# ` (a statement
/// continues), `db=*# ` (inside a transaction: psql's %x).
size_t psql_prompt_length(std::string_view line);

struct ReplPrompt {
  Repl repl = Repl::none;
  size_t length = 0;  ///< the prompt's bytes, with the space after it
};

/// The session prompt `line` starts with. `in` is the session the lines
/// above opened (Repl::none before any): it decides the prompts that only
/// mean something inside one, mysql's `    -> ` continuation and the mongo
/// shell's bare `> ` (also after a `mongo`/`mongosh` command, `mongo_started`).
ReplPrompt repl_prompt(std::string_view line, Repl in, bool mongo_started);

struct ReplTranscript {
  Repl repl = Repl::none;  ///< the first session the block shows; none: no session prompt
  /// The body with the sessions' input and output blanked (same length):
  /// what is left is shell.
  std::string shell;
  /// The body with everything but what was typed at `repl`'s prompts
  /// blanked, the prompts too (same length).
  std::string input;
  bool dollar_prompts = false;  ///< shell lines carry `$ ` prompts: a console transcript
};

/// Splits a shell-tagged body into shell and session. A line with a session
/// prompt is input, the unprompted lines after it are its output, a `$ `
/// line returns to the shell; lines before the first prompt that read as
/// output (a banner: "Loading production environment") are blanked too.
ReplTranscript split_repl_transcript(std::string_view body);

/// "a psql session", "an irb/pry/rails console session", ...
std::string_view repl_description(Repl repl);

/// The fence tag for a block holding only that session: "psql", "irb", ...
std::string_view repl_tag(Repl repl);

}  // namespace rbc
