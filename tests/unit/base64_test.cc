// Base64 decoding (compiler/base/base64.h), RFC 4648's test vectors and what
// is refused.
#include <doctest/doctest.h>

#include "compiler/base/base64.h"

using namespace rbc;

TEST_CASE("RFC 4648 test vectors decode") {
  CHECK(decode_base64("Zg==") == "f");
  CHECK(decode_base64("Zm8=") == "fo");
  CHECK(decode_base64("Zm9v") == "foo");
  CHECK(decode_base64("Zm9vYg==") == "foob");
  CHECK(decode_base64("Zm9vYmE=") == "fooba");
  CHECK(decode_base64("Zm9vYmFy") == "foobar");
  CHECK(decode_base64("cGFzc3dvcmQ=") == "password");
}

TEST_CASE("text that is not padded base64 is refused") {
  CHECK_FALSE(decode_base64(""));
  CHECK_FALSE(decode_base64("Zm9"));       // length not a multiple of 4
  CHECK_FALSE(decode_base64("Zm9v!A=="));  // outside the alphabet
  CHECK_FALSE(decode_base64("Z=9v"));      // padding inside
  CHECK_FALSE(decode_base64("Zm9-"));      // base64url is not this alphabet
}
