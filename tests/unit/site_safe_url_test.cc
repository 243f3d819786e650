#include <doctest/doctest.h>

#include "compiler/emit/site/safe_url.h"

using rbc::site::safe_url;

TEST_CASE("site: script URLs are neutralised whatever their spelling") {
  CHECK(safe_url("javascript:alert(1)") == "");
  CHECK(safe_url(" JaVaScRiPt:alert(1)") == "");
  CHECK(safe_url("java\tscript:alert(1)") == "");
  CHECK(safe_url("vbscript:msgbox") == "");
  CHECK(safe_url("data:text/html;base64,PHNjcmlwdD4=") == "");
  CHECK(safe_url("file:///etc/passwd") == "");
}

TEST_CASE("site: ordinary URLs are kept, with characters HTML forbids percent-encoded") {
  CHECK(safe_url("https://example.com/a?b=c#d") == "https://example.com/a?b=c#d");
  CHECK(safe_url("mailto:oncall@example.com") == "mailto:oncall@example.com");
  CHECK(safe_url("../other.md#rollback") == "../other.md#rollback");
  CHECK(safe_url("https://x.test/<pid> now") == "https://x.test/%3Cpid%3E%20now");
  CHECK(safe_url("a#b#c") == "a#b%23c");
  CHECK(safe_url("100%") == "100%25");
  CHECK(safe_url("caf\xc3\xa9") == "caf%C3%A9");
  CHECK(safe_url("/path:with-colon") == "/path:with-colon");
}
