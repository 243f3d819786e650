#pragma once
/// The one way a value reaches a generated script: as a single-quoted bash
/// word, or as comment text that cannot end the comment.
#include <string>
#include <string_view>

namespace rbc {

/// `text` as one bash word that expands to exactly `text`: wrapped in single
/// quotes, each ' written as '\''. The empty string gives ''.
std::string shell_quote(std::string_view text);

/// `text` made safe for a `# ...` comment line: control characters
/// (newlines included) become spaces.
std::string comment_text(std::string_view text);

}  // namespace rbc
