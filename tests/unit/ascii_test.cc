// ASCII case folding (compiler/base/ascii.h), the one helper every layer uses
// instead of std::tolower: bytes beyond ASCII (UTF-8, Latin-1) pass unchanged.
#include <doctest/doctest.h>

#include "compiler/base/ascii.h"

using namespace rbc;

TEST_CASE("ascii_lower and ascii_upper fold A-Z only; UTF-8 and high bytes are kept") {
  CHECK(ascii_lower("DROP Table ÉTÉ") == "drop table ÉtÉ");
  CHECK(ascii_upper("flushall ß") == "FLUSHALL ß");
  CHECK(ascii_lower(static_cast<char>(0xC9)) == static_cast<char>(0xC9));  // Latin-1 É stays
  CHECK(ascii_upper('@') == '@');
  CHECK(ascii_upper('[') == '[');
}

TEST_CASE("iequals, istarts_with and icontains ignore ASCII case, not other bytes") {
  CHECK(iequals("Runbook", "rUNBOOK"));
  CHECK_FALSE(iequals("Runbook", "Runbooks"));
  CHECK_FALSE(iequals("É", "é"));
  CHECK(istarts_with("Last Reviewed: 2026-01-01", "last reviewed"));
  CHECK_FALSE(istarts_with("Last", "last reviewed"));
  CHECK(icontains("redis-cli CONFIG SET", "config set"));
  CHECK_FALSE(icontains("redis-cli CONFIG", "config set"));
  CHECK(icontains("anything", ""));
}
