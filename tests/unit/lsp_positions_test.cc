// Positions between runbookc (1-based, code points) and the protocol
// (0-based, UTF-16 code units by default; UTF-32 or UTF-8 when negotiated).
#include <doctest/doctest.h>

#include "compiler/cli/lsp/positions.h"

using namespace rbc;
using namespace rbc::lsp;

TEST_CASE("lsp positions: ASCII columns are characters minus one in every encoding") {
  for (Encoding e : {Encoding::utf16, Encoding::utf32, Encoding::utf8}) {
    CHECK(to_character("echo hi", 1, e) == 0);
    CHECK(to_character("echo hi", 6, e) == 5);
    CHECK(to_character("echo hi", 8, e) == 7);  // one past the end
    CHECK(to_column("echo hi", 5, e) == 6);
  }
}

TEST_CASE("lsp positions: é is one UTF-16 unit, one UTF-32 unit, two UTF-8 bytes") {
  std::string_view line = "café \"x";  // the quote is column 6
  CHECK(to_character(line, 6, Encoding::utf16) == 5);
  CHECK(to_character(line, 6, Encoding::utf32) == 5);
  CHECK(to_character(line, 6, Encoding::utf8) == 6);
  CHECK(to_column(line, 5, Encoding::utf16) == 6);
  CHECK(to_column(line, 6, Encoding::utf8) == 6);
  CHECK(to_column(line, 4, Encoding::utf8) == 4);  // inside é: the code point holding it
}

TEST_CASE("lsp positions: an emoji is a UTF-16 surrogate pair") {
  std::string_view line = "echo é😀 \"unclosed";  // the quote: column 9
  CHECK(to_character(line, 9, Encoding::utf16) == 9);
  CHECK(to_character(line, 9, Encoding::utf32) == 8);
  CHECK(to_character(line, 9, Encoding::utf8) == 12);
  CHECK(to_character(line, 18, Encoding::utf16) == 18);  // end of line, exclusive
  CHECK(to_column(line, 9, Encoding::utf16) == 9);
  CHECK(to_column(line, 6, Encoding::utf16) == 7);  // the emoji's first unit
  CHECK(to_column(line, 7, Encoding::utf16) == 7);  // its second unit: still the emoji
  CHECK(to_column(line, 8, Encoding::utf16) == 8);  // the space after it
  CHECK(to_column(line, 8, Encoding::utf32) == 9);
}

TEST_CASE("lsp positions: over a file, lines are 0-based and past its end has no text") {
  SourceFile file("t.md", "# T\n\necho é😀 \"x\n");
  LspPosition p = to_lsp(file, {3, 9}, Encoding::utf16);
  CHECK(p.line == 2);
  CHECK(p.character == 9);
  Position back = from_lsp(file, {2, 9}, Encoding::utf16);
  CHECK(back.line == 3);
  CHECK(back.column == 9);
  CHECK(to_lsp(file, {9, 4}, Encoding::utf16).character == 3);
}
