#pragma once
/// The one way a value reaches a generated script: as a single-quoted bash
/// word, or as comment text that cannot end the comment.
#include <string>
#include <string_view>

namespace rbc {

/// `text` as one bash word that expands to exactly `text`: wrapped in single
/// quotes, each ' written as '\''. The empty string gives ''.
std::string shell_quote(std::string_view text);

/// `text` as it may reach a terminal: control characters that a terminal
/// acts on are written as visible escapes, so runbook text cannot clear the
/// screen, move the cursor or hide a command. ESC -> `\e`, other C0 controls
/// and DEL -> `\xNN` (tab and line feed kept; CR kept only before LF), C1
/// controls (UTF-8 U+0080..U+009F) and bidirectional overrides and isolates
/// (U+202A..U+202E, U+2066..U+2069) -> `\uNNNN`.
std::string visible_text(std::string_view text);

/// `text` made safe for a `# ...` comment line: control characters
/// (newlines included) become spaces.
std::string comment_text(std::string_view text);

}  // namespace rbc
