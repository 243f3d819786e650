#include <doctest/doctest.h>

#include "compiler/syntax/source_file.h"

using rbc::SourceFile;

TEST_CASE("positions are 1-based lines and code-point columns") {
  SourceFile f("f.md", "ab\nc\xc3\xa9z\n\tx");
  CHECK(f.line_count() == 3);
  CHECK(f.position(0).line == 1);
  CHECK(f.position(0).column == 1);
  CHECK(f.position(3).line == 2);
  // 'z' follows a two-byte 'é': byte 6, column 3.
  CHECK(f.position(6).column == 3);
  // A tab counts as one column.
  CHECK(f.position(9).line == 3);
  CHECK(f.position(9).column == 2);
  CHECK(f.line_text(2) == "c\xc3\xa9z");
}

TEST_CASE("a UTF-8 BOM is dropped and CRLF lines end before the CR") {
  SourceFile f("f.md", "\xEF\xBB\xBF# T\r\nx\r\n");
  CHECK(f.had_bom());
  CHECK(f.text().substr(0, 3) == "# T");
  CHECK(f.line_text(1) == "# T");
  CHECK(f.position(5).line == 2);
  CHECK(f.position(5).column == 1);
}

TEST_CASE("invalid UTF-8 is repaired in place and its offsets reported") {
  SourceFile f("f.md", "ok \xff\xfe and \xc3");
  auto bad = f.repair_utf8();
  REQUIRE(bad.size() == 3);
  CHECK(bad[0] == 3);
  CHECK(bad[1] == 4);
  CHECK(bad[2] == 10);
  CHECK(f.text() == "ok ?? and ?");
}

TEST_CASE("find_non_ascii: the first byte >= 0x80 from an offset, across the eight-byte steps") {
  std::string text = "0123456789abcdef\xc3\xa9-xyz";
  CHECK(rbc::find_non_ascii(text) == 16);
  CHECK(rbc::find_non_ascii(text, 17) == 17);
  CHECK(rbc::find_non_ascii(text, 18) == std::string::npos);
  CHECK(rbc::find_non_ascii("abc\xe2\x80\x94") == 3);
  CHECK(rbc::find_non_ascii("") == std::string::npos);
}

TEST_CASE("line table: LF found with memchr; CR and CRLF still end lines") {
  rbc::SourceFile lf("a.md", "one\ntwo\n\nfour");
  CHECK(lf.line_count() == 4);
  CHECK(lf.line_text(4) == "four");
  rbc::SourceFile cr("b.md", "one\rtwo\r\nthree");
  CHECK(cr.line_count() == 3);
  CHECK(cr.line_text(2) == "two");
  CHECK(cr.line_start(3) == 9);
}
