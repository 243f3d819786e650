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

/// True when a line reads as command output or prose rather than a command
/// (a log line, a table row, `key : value`, an indented report line).
bool looks_like_output_line(std::string_view line);

/// True when SQL text uses MySQL-only syntax (backticks, SHOW PROCESSLIST, \G, ...).
bool looks_like_mysql(std::string_view text);

}  // namespace rbc
