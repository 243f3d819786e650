#include <doctest/doctest.h>

#include "compiler/syntax/slug.h"

using rbc::github_slug;

TEST_CASE("GitHub slugs: lower case, punctuation and emoji dropped, spaces to dashes") {
  CHECK(github_slug("Post-incident") == "post-incident");
  CHECK(github_slug("1. Check the API (prod)") == "1-check-the-api-prod");
  CHECK(github_slug("\xF0\x9F\x9A\xA8 Auth Down") == "-auth-down");  // emoji removed, its space kept
  CHECK(github_slug("Sympt\xC3\xB4mes") == "sympt\xC3\xB4mes");       // letters with accents kept
  CHECK(github_slug("\xC3\x89TAPE 2") == "\xC3\xA9tape-2");           // Unicode-aware lower case
  CHECK(github_slug("snake_case & more") == "snake_case--more");
}

TEST_CASE("duplicate headings get -1, -2 suffixes") {
  rbc::Slugger s;
  CHECK(s.unique("Diagnosis") == "diagnosis");
  CHECK(s.unique("Diagnosis") == "diagnosis-1");
  CHECK(s.unique("Diagnosis") == "diagnosis-2");
  CHECK(s.unique("Diagnosis 1") == "diagnosis-1-1");
}
