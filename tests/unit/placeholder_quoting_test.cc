// Where each placeholder of a shell step stands, as the analysis reads it
// from the step's tree-sitter-bash tree (Placeholder::quoting), and the
// here-documents a step leaves open.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;

namespace {

/// "line:column written quoting" of each placeholder of the runbook's one step.
std::vector<std::string> quoting_in(const std::string& body, const std::string& lang = "bash") {
  FileResult r = test::lint("# T\n\n```" + lang + "\n" + body + "```\n");
  REQUIRE(r.runbook.steps.size() == 1);
  std::vector<std::string> out;
  for (const Placeholder& p : r.runbook.steps[0].facts.placeholders) {
    Position at = r.runbook.source->position(p.span.begin);
    out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + p.written + " " +
                  to_string(p.quoting));
  }
  return out;
}

std::vector<std::string> open_heredocs_in(const std::string& body) {
  FileResult r = test::lint("# T\n\n```bash\n" + body + "```\n");
  REQUIRE(r.runbook.steps.size() == 1);
  return r.runbook.steps[0].facts.open_heredocs;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("each kind of shell quoting around a placeholder") {
  CHECK(quoting_in("echo <a> \"<b>\" '<c>' $'<d>' $\"<e>\" x<f>y  # <g>\n") ==
        Lines{"4:6 <a> unquoted", "4:11 <b> double-quoted", "4:17 <c> single-quoted", "4:24 <d> ansi-c",
              "4:31 <e> double-quoted", "4:37 <f> unquoted", "4:45 <g> comment"});
}

TEST_CASE("a command substitution inside double quotes starts unquoted text again") {
  // The string inside $(...) is quoted again; the word beside it is not.
  CHECK(quoting_in("echo \"id: $(kubectl get pod \"<pod>\" -o name) $(echo <ns>) ${x:-<d>} $v<w>\"\n") ==
        Lines{"4:30 <pod> double-quoted", "4:53 <ns> unquoted", "4:64 <d> unquoted", "4:71 <w> double-quoted"});
  // A case item's `)` does not end the substitution.
  CHECK(quoting_in("echo \"$(case $m in a) echo <v> ;; esac) <after>\"\n") ==
        Lines{"4:28 <v> unquoted", "4:41 <after> double-quoted"});
}

TEST_CASE("here-documents: unquoted, quoted three ways, and text after them") {
  CHECK(quoting_in("cat <<EOF\nvalue <a> $(echo \"<b>\")\nEOF\necho <c>\n") ==
        Lines{"5:7 <a> heredoc", "5:19 <b> heredoc", "7:6 <c> unquoted"});
  CHECK(quoting_in("cat <<'EOF'\n<a>\nEOF\ncat <<\"B\"\n<b>\nB\ncat <<\\C\n<c>\nC\ncat <<-D\n\t<d>\n\tD\n") ==
        Lines{"5:1 <a> quoted-heredoc", "8:1 <b> quoted-heredoc", "11:1 <c> quoted-heredoc", "14:2 <d> heredoc"});
}

TEST_CASE("where tree-sitter-bash ends a here-document elsewhere than bash, no placeholder is placed") {
  // bash ends <<E"O"F at EOF; tree-sitter takes E"O"F itself as the delimiter.
  CHECK(quoting_in("cat <<E\"O\"F\n<a>\nEOF\necho <b>\n") == Lines{"5:1 <a> unknown", "7:6 <b> unknown"});
  // bash does not end <<EOF at an indented EOF; tree-sitter does.
  CHECK(quoting_in("psql <<EOF\nSELECT 1;\n  EOF\nSELECT <a>;\nEOF\n") == Lines{"7:8 <a> unknown"});
  // Two here-documents on one line: tree-sitter reports an error.
  CHECK(quoting_in("cat <<A <<B\na\nA\nb <b>\nB\n") == Lines{"7:3 <b> unknown"});
}

TEST_CASE("a here-document running to the end of the step is recorded open") {
  CHECK(open_heredocs_in("cat <<EOF\nvalue\n") == Lines{"EOF"});
  CHECK(open_heredocs_in("cat <<'END'\nvalue\n") == Lines{"END"});
  CHECK(open_heredocs_in("cat <<-EOF\n\tvalue\n\tEOF\n") == Lines{});
  CHECK(open_heredocs_in("cat <<EOF\nvalue\nEOF\n") == Lines{});
}

TEST_CASE("console transcripts: the quoting of the commands after their prompts") {
  CHECK(quoting_in("$ echo '<a>'\nsome output <not-a-placeholder>\n$ echo \"<b>\"\n", "console") ==
        Lines{"4:9 <a> single-quoted", "6:9 <b> double-quoted"});
}
