#pragma once
/// Normalization before parsing: every function returns text of exactly the
/// body's length, so parser offsets are body offsets. Prompts, output lines
/// and psql meta-commands are blanked; placeholders become identifiers.
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct FoundPlaceholder {
  std::string name;     ///< lower-case kebab
  std::string written;  ///< as in the source
  uint32_t begin = 0, end = 0;
};

struct Normalized {
  std::string text;
  std::vector<FoundPlaceholder> placeholders;
  bool transcript = false;  ///< prompts were found: output lines were blanked
};

/// Length of a shell prompt at the start of `line` ("$ ", "user@host:~$ ",
/// "[root@db ~]# ", "% "), 0 when there is none. `hash` allows '#' prompts.
size_t shell_prompt_length(std::string_view line, bool hash);

/// Shell: a console transcript keeps only `$ `/`# `-prompted lines and their
/// continuations. `console` says the block was tagged as a transcript.
Normalized normalize_shell(std::string_view body, bool console);

/// PostgreSQL: psql prompts (`db=# `, repl_transcript.h) with their output, meta-commands
/// (`\x`, `\gset`), psql variables (`:name`), `...` elisions.
Normalized normalize_sql(std::string_view body);

/// Replaces `<name>`, `{{name}}` (and in SQL `[name]`) in text[begin, end)
/// with same-length identifiers, recording each.
void replace_placeholders(std::string& text, std::vector<FoundPlaceholder>& found, bool sql);

/// Lower-case kebab name of a placeholder's inner text ("PREVIOUS_VERSION" → "previous-version").
std::string placeholder_name(std::string_view inner);

}  // namespace rbc
