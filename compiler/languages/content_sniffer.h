#pragma once
/// Recognises what a code block really holds when its tag's parser rejects
/// it: JSON, YAML, PromQL, command output, SQL, another language.
#include <string>
#include <string_view>

namespace rbc {

/// "json", "yaml", "promql", "output", "sql", "python", "powershell",
/// "javascript", "hcl", "dockerfile", "mongo", "redis", "shell", or "" when unsure.
/// `tagged_as` is the block's kind ("shell", "postgres") so it is not returned.
std::string sniff_content(std::string_view text, std::string_view tagged_as);

/// "fish", "zsh" or "powershell" when shell text uses constructs of that
/// shell which bash does not have, "" otherwise. Each is recognised by what
/// its documentation defines: fish's `end` closing `for`/`if`/`function`
/// blocks, `set -x NAME value`, `(cmd)` substitution, `; and`/`; or`; zsh's
/// `setopt`, `autoload -U`, `${(flags)name}`, glob qualifiers `*(.om[1])`;
/// PowerShell's Verb-Noun cmdlets at a command's place and `$env:NAME`.
std::string sniff_other_shell(std::string_view text);

/// True when a line reads as command output or prose rather than a command
/// (a log line, a table row, `key : value`, an indented report line).
bool looks_like_output_line(std::string_view line);

/// True when SQL text uses MySQL-only syntax (backticks, SHOW PROCESSLIST, \G, ...).
bool looks_like_mysql(std::string_view text);

}  // namespace rbc
