// The exact text a generated script runs for a step with placeholders, for
// the places a hand-written lexer could only get right by accident: nested
// $( "..." ), here-documents with quoted delimiters, dollar-quoted SQL and
// E'...' strings. Each case pins the code, the parameters, and which of them
// must be plain values.
#include <doctest/doctest.h>

#include "compiler/model/step_text.h"
#include "compiler/languages/postgres_scanner.h"
#include "test_support.h"

using namespace rbc;

namespace {

using Names = std::vector<std::string>;

RenderedStep rendered(const std::string& lang, const std::string& body) {
  FileResult r = test::lint("# T\n\n```" + lang + "\n" + body + "```\n");
  REQUIRE(r.runbook.steps.size() == 1);
  return render_step(r.runbook.steps[0]);
}

}  // namespace

TEST_CASE("nested $( \"...\" ): the inner string is quoted text again, the inner word a word") {
  RenderedStep s = rendered("bash", "echo \"pod: $(kubectl get pod \"<pod>\" -o name) in $(echo <ns>)\"\n");
  CHECK(s.runner == "shell");
  CHECK(s.code == "echo \"pod: $(kubectl get pod \"${RB_PARAM_pod}\" -o name) in $(echo \"${RB_PARAM_ns}\")\"\n");
  CHECK(s.params == Names{"pod", "ns"});
  CHECK(s.spliced == Names{"pod"});
}

TEST_CASE("a case item's ) inside $( ) inside \"...\" does not end the substitution") {
  // Read as text, `a)` closes the $( and the value lands in the outer string.
  RenderedStep s = rendered("bash", "echo \"$(case $mode in a) echo <v> ;; esac)\"\n");
  CHECK(s.code == "echo \"$(case $mode in a) echo \"${RB_PARAM_v}\" ;; esac)\"\n");
  CHECK(s.spliced == Names{});
}

TEST_CASE("a quoted here-document delimiter, however quoted, leaves no place for a value") {
  for (const char* opener : {"<<'EOF'", "<<\"EOF\"", "<<\\EOF", "<<-'EOF'"}) {
    RenderedStep s = rendered("bash", std::string("cat ") + opener + "\nkill <pid>\nEOF\n");
    CHECK(s.runner == "show");
    CHECK(s.note == "placeholder <pid> is inside a quoted here-document, where no value can be inserted: shown, not run");
  }
}

TEST_CASE("an unquoted here-document after a quoted one takes the value as text") {
  RenderedStep s = rendered("bash", "cat <<'A'\nliteral $HOME\nA\ncat <<B | psql\nSELECT '<id>';\nB\n");
  CHECK(s.code == "cat <<'A'\nliteral $HOME\nA\ncat <<B | psql\nSELECT '${RB_PARAM_id}';\nB\n");
  CHECK(s.spliced == Names{"id"});
}

TEST_CASE("a here-document left open at the end of the step is closed") {
  RenderedStep s = rendered("bash", "cat <<EOF\nvalue <v>\n");
  CHECK(s.code == "cat <<EOF\nvalue ${RB_PARAM_v}\nEOF\n");
}

TEST_CASE("where tree-sitter-bash and bash may disagree, the step is shown") {
  RenderedStep s = rendered("bash", "cat <<E\"O\"F\n<v>\nEOF\n");
  CHECK(s.runner == "show");
  CHECK(s.note == "placeholder <v> stands where the parse of the step cannot be trusted (tree-sitter-bash and bash may "
                  "read it differently): shown, not run");
  // Without a placeholder there is nothing to place: the step runs.
  CHECK(rendered("bash", "cat <<A <<B\na\nA\nb\nB\n").runner == "shell");
}

TEST_CASE("dollar-quoted SQL: a placeholder in the body is refused, one after it is a value") {
  for (const char* body : {"DO $$ BEGIN PERFORM pg_cancel_backend(<pid>); END $$;\n",
                           "DO $fn$ BEGIN RAISE NOTICE '<pid>'; END $fn$;\n"}) {
    RenderedStep s = rendered("sql", body);
    CHECK(s.runner == "show");
    CHECK(s.note == "a placeholder is inside a dollar-quoted SQL body: shown, not run");
  }
  RenderedStep s = rendered("sql", "SELECT $q$it's$q$ AS note, <id> AS id;\n");
  CHECK(s.code == "SELECT $q$it's$q$ AS note, :'rb_id' AS id;\n");
}

TEST_CASE("E'...' strings are decoded and replaced whole") {
  CHECK(rendered("sql", "SELECT E'<v>';\n").code == "SELECT :'rb_v';\n");
  // \' is a quote inside E'...', not its end.
  RenderedStep s = rendered("sql", "SELECT E'it\\'s <v>\\\\' AS t;\n");
  CHECK(s.code == "\\set rb_literal_1 'it''s ' :rb_v '\\\\'\nSELECT :'rb_literal_1' AS t;\n");
  CHECK(s.params == Names{"v"});
  RenderedStep numeric = rendered("sql", "SELECT E'\\x41 <v>';\n");
  CHECK(numeric.note == "a placeholder is inside an E'...' literal with a numeric escape: shown, not run");
}

TEST_CASE("standard strings keep backslashes; names after FROM or beside a dot are identifiers") {
  RenderedStep s = rendered("sql", "SELECT 'C:\\dumps\\<file>' FROM <schema>.<table> WHERE id = <id>; -- <note>\n");
  CHECK(s.code ==
        "\\set rb_literal_1 'C:\\\\dumps\\\\' :rb_file\n"
        "SELECT :'rb_literal_1' FROM :\"rb_schema\".:\"rb_table\" WHERE id = :'rb_id'; -- <note>\n");
  CHECK(s.params == Names{"file", "schema", "table", "id"});
  CHECK(rendered("sql", "SELECT \"<col>\" FROM t;\n").code == "SELECT :\"rb_col\" FROM t;\n");
  CHECK(rendered("sql", "SELECT \"x_<col>\" FROM t;\n").note ==
        "a placeholder is part of a quoted SQL identifier: shown, not run");
  CHECK(rendered("sql", "SELECT U&'<v>';\n").note ==
        "a placeholder is inside a U&'...' literal, whose escapes a psql variable does not follow: shown, not run");
}

TEST_CASE("PostgreSQL's scanner tokens, by kind and byte range") {
  std::string sql = "SELECT E'a\\'b', $t$x$t$, B'01', U&'d' \"Q\" n -- c\n/* x /* y */ */ \x01";
  SqlScan scan = scan_postgres(sql);
  REQUIRE(!scan.error);
  std::vector<std::string> seen;
  for (const SqlToken& t : scan.tokens)
    seen.push_back(std::to_string(static_cast<int>(t.kind)) + "@" + std::to_string(t.begin) + "-" + std::to_string(t.end));
  // word 1, escape_string 4, other 0, dollar_string 5, bit_string 6, unicode_escape 7,
  // quoted_identifier 2, comment 8 (nested /* */ included).
  CHECK(seen == Names{"1@0-6", "4@7-14", "0@14-15", "5@16-23", "0@23-24", "6@25-30", "0@30-31", "7@32-37",
                      "2@38-41", "1@42-43", "8@44-48", "8@49-64", "0@65-66"});
  SqlScan bad = scan_postgres("SELECT 'open");
  REQUIRE(bad.error);
  CHECK(bad.error->offset == 7);
  CHECK(bad.error->message == "unterminated quoted string at or near \"'open\"");
}
