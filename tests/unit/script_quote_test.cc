// The one quoting function every value of a generated script goes through.
#include <doctest/doctest.h>

#include "compiler/model/parameters.h"
#include "compiler/emit/script/shell_quote.h"

using namespace rbc;

TEST_CASE("shell_quote wraps in single quotes and escapes single quotes") {
  CHECK(shell_quote("") == "''");
  CHECK(shell_quote("plain") == "'plain'");
  CHECK(shell_quote("it's") == "'it'\\''s'");
  CHECK(shell_quote("'") == "''\\'''");
  CHECK(shell_quote("$(touch x) `y` \"z\" \\") == "'$(touch x) `y` \"z\" \\'");
  CHECK(shell_quote("a\nb") == "'a\nb'");
}

TEST_CASE("comment_text cannot end a comment line") {
  CHECK(comment_text("a\nrm -rf /\r\tb") == "a rm -rf /  b");
  CHECK(comment_text("runbooks/x.md") == "runbooks/x.md");
}

TEST_CASE("a placeholder name gives the parameter's names everywhere") {
  ParameterNames p = parameter_names("previous-version");
  CHECK(p.name == "previous-version");
  CHECK(p.shell_var == "RB_PARAM_previous_version");
  CHECK(p.env_var == "PREVIOUS_VERSION");
  CHECK(p.psql_var == "rb_previous_version");
  CHECK(parameter_names("user").env_var == "");  // never taken from $USER
  CHECK(parameter_names("2fa-code").env_var == "P_2FA_CODE");
}
