#include "compiler/cli/lsp/positions.h"

namespace rbc::lsp {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Bytes of the code point starting at `i` (its lead byte and the
/// continuation bytes after it).
size_t code_point_bytes(std::string_view text, size_t i) {
  size_t n = 1;
  while (i + n < text.size() && is_continuation(static_cast<unsigned char>(text[i + n]))) ++n;
  return n;
}

uint32_t units(std::string_view text, size_t i, size_t bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::utf32: return 1;
    case Encoding::utf8: return static_cast<uint32_t>(bytes);
    case Encoding::utf16: return static_cast<unsigned char>(text[i]) >= 0xF0 ? 2 : 1;
  }
  return 1;
}

}  // namespace

const char* to_string(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
    case Encoding::utf8: return "utf-8";
  }
  return "utf-16";
}

uint32_t to_character(std::string_view line_text, uint32_t column, Encoding encoding) {
  uint32_t character = 0;
  uint32_t seen = 1;  // the column of the code point at i
  size_t i = 0;
  // A line that starts with continuation bytes (broken UTF-8): each is one code point's worth.
  while (seen < column && i < line_text.size()) {
    size_t bytes = is_continuation(static_cast<unsigned char>(line_text[i])) ? 1 : code_point_bytes(line_text, i);
    character += units(line_text, i, bytes, encoding);
    i += bytes;
    ++seen;
  }
  if (seen < column) character += column - seen;
  return character;
}

uint32_t to_column(std::string_view line_text, uint32_t character, Encoding encoding) {
  uint32_t column = 1;
  uint32_t at = 0;  // units before the code point at i
  size_t i = 0;
  while (i < line_text.size()) {
    size_t bytes = is_continuation(static_cast<unsigned char>(line_text[i])) ? 1 : code_point_bytes(line_text, i);
    uint32_t width = units(line_text, i, bytes, encoding);
    if (character < at + width) return column;
    at += width;
    i += bytes;
    ++column;
  }
  return column + (character - at);
}

LspPosition to_lsp(const SourceFile& file, Position position, Encoding encoding) {
  uint32_t line = position.line == 0 ? 0 : position.line - 1;
  std::string_view text = position.line >= 1 && position.line <= file.line_count() ? file.line_text(position.line)
                                                                                   : std::string_view();
  return {line, to_character(text, position.column == 0 ? 1 : position.column, encoding)};
}

Position from_lsp(const SourceFile& file, LspPosition position, Encoding encoding) {
  uint32_t line = position.line + 1;
  std::string_view text = line <= file.line_count() ? file.line_text(line) : std::string_view();
  return {line, to_column(text, position.character, encoding)};
}

}  // namespace rbc::lsp
