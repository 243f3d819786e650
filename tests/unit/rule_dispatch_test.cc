// The rule engine (linter/rule_set.h): dispatched checks see only the facts
// they declared, in document order; whole-runbook checks run once; a
// finding's step is the code block its span begins in.
#include <doctest/doctest.h>

#include "linter/config.h"
#include "linter/rule_set.h"
#include "test_support.h"

using namespace rbc;

namespace {

/// What the test rules below were called with: "kind name line".
std::vector<std::string> calls;
int applies_asked = 0;

std::string at_line(const Runbook& rb, Span span) { return std::to_string(rb.source->position(span.begin).line); }

void record_command(const Runbook& rb, const Step&, const Command& cmd, Emitter&) {
  calls.push_back("command " + cmd.argv[0].text + " " + at_line(rb, cmd.span));
}
void record_statement(const Runbook& rb, const Step&, const SqlStatement& st, Emitter&) {
  calls.push_back("statement " + st.kind + " " + at_line(rb, st.span));
}
void record_redis(const Runbook& rb, const Step&, const RedisCommand& rc, Emitter&) {
  calls.push_back("redis " + rc.name + " " + at_line(rb, rc.span));
}
void record_runbook(const Runbook&, Emitter&) { calls.push_back("runbook"); }
bool never(const Runbook&) { return ++applies_asked, false; }

/// Reports each command it is given, where it stands.
void report_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  emit.report(cmd.argv[0].span, "found " + cmd.argv[0].text);
}

std::vector<std::string> run(const std::vector<const Rule*>& rules, const std::string& markdown) {
  calls.clear();
  applies_asked = 0;
  FileResult file = test::lint(markdown);
  std::vector<Diagnostic> out;
  RuleSet(rules).run(file.runbook, Config::defaults(), out);
  return calls;
}

const std::string kRunbook =
    "# Fix\n\n```bash\nrm -rf /tmp/x\nls /srv\nsudo mkfs.ext4 /dev/sdb\nredis-cli FLUSHALL\n```\n\n"
    "```sql\nUPDATE t SET a = 1;\nDELETE FROM t;\n```\n\nText with rm -rf / in prose.\n\n"
    "```text\nrm -rf /\n```\n";

}  // namespace

TEST_CASE("dispatch: a command rule runs for the programs it names, prefixes included, in order") {
  Rule rule{.code = "RB990", .name = "test-commands"};
  rule.on_command = {.names = {"rm", "mkfs.*"}, .check = record_command};
  CHECK(run({&rule}, kRunbook) == test::list({"command rm 4", "command mkfs.ext4 6"}));
  rule.on_command.names = {kEveryName};
  CHECK(run({&rule}, kRunbook) ==
        test::list({"command rm 4", "command ls 5", "command mkfs.ext4 6", "command redis-cli 7"}));
}

TEST_CASE("dispatch: statement kinds, redis commands and whole-runbook checks") {
  Rule rule{.code = "RB991", .name = "test-facts", .check = record_runbook};
  rule.on_statement = {.names = {"DeleteStmt"}, .check = record_statement};
  rule.on_redis = {.names = {"FLUSHALL"}, .check = record_redis};
  CHECK(run({&rule}, kRunbook) == test::list({"runbook", "redis FLUSHALL 7", "statement DeleteStmt 12"}));
}

TEST_CASE("dispatch: applies_to is asked once per runbook, and only when a trigger matches") {
  Rule rule{.code = "RB992", .name = "test-applies", .applies_to = never};
  rule.on_command = {.names = {"rm"}, .check = record_command};
  CHECK(run({&rule}, kRunbook) == test::Positions{});
  CHECK(applies_asked == 1);
  CHECK(run({&rule}, "# Fix\n\n```bash\nls\n```\n") == test::Positions{});
  CHECK(applies_asked == 0);
}

TEST_CASE("a finding's step is the code block its span begins in, fences included; -1 in prose") {
  FileResult file = test::lint(kRunbook);
  const Runbook& rb = file.runbook;
  REQUIRE(rb.steps.size() == 3);
  CHECK(rb.step_at(rb.steps[0].span.begin) == 0);      // the opening fence
  CHECK(rb.step_at(rb.steps[0].span.end - 1) == 0);    // the closing fence
  CHECK(rb.step_at(rb.steps[0].span.end) == -1);       // the blank line after it
  CHECK(rb.step_at(rb.steps[2].span.begin + 8) == 2);  // inside the text block
  CHECK(rb.step_at(0) == -1);                          // the heading

  Rule rule{.code = "RB993", .name = "test-steps"};
  rule.on_command = {.names = {"rm"}, .check = report_command};
  std::vector<Diagnostic> out;
  RuleSet({&rule}).run(rb, Config::defaults(), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].start.line == 4);
  CHECK(out[0].start.column == 1);
  CHECK(out[0].step == 0);
}

TEST_CASE("findings of prose rules inside a code block carry that block's step (RB405 in a contact list)") {
  auto r = test::lint("# Outage\n\nCall the on-call.\n\n## Contacts\n\n```\nDBA: [email]\n```\n\nLead: [email]\n");
  auto found = test::with_code(r, "RB405");
  REQUIRE(found.size() == 2);
  CHECK(found[0].start.line == 8);
  CHECK(found[0].start.column == 6);
  CHECK(found[0].step == 0);
  CHECK(found[1].start.line == 11);
  CHECK(found[1].start.column == 7);
  CHECK(found[1].step == -1);
}
