#pragma once
/// Between runbookc's positions (1-based line and column, columns counting
/// code points: compiler/syntax/source_file.h) and the protocol's (0-based
/// line, `character` counting UTF-16 code units unless the client and server
/// agreed on UTF-32 or UTF-8 at initialize).
#include <cstdint>
#include <string_view>

#include "compiler/syntax/source_file.h"

namespace rbc::lsp {

enum class Encoding { utf16, utf32, utf8 };

const char* to_string(Encoding encoding);

struct LspPosition {
  uint32_t line = 0;       ///< 0-based
  uint32_t character = 0;  ///< 0-based, in the negotiated units
};

/// `character` of the 1-based code point `column` of `line_text` (a line's
/// text without its ending). As SourceFile counts, a code point starts at
/// every byte that is not a UTF-8 continuation byte; one of four bytes
/// (U+10000 and above) is two UTF-16 units. A column past the end of the line
/// counts one unit per code point beyond it.
uint32_t to_character(std::string_view line_text, uint32_t column, Encoding encoding);
/// The inverse: the 1-based code point column at `character`; a character
/// inside a surrogate pair or a UTF-8 sequence gives the code point holding it.
uint32_t to_column(std::string_view line_text, uint32_t character, Encoding encoding);

/// Both conversions over a whole file: lines past its end have no text.
LspPosition to_lsp(const SourceFile& file, Position position, Encoding encoding);
Position from_lsp(const SourceFile& file, LspPosition position, Encoding encoding);

}  // namespace rbc::lsp
