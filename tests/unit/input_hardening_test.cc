// One hostile runbook costs only itself: names that collide or do not fit a
// file system, nesting deep enough to exhaust a recursive walk, links out of
// the input tree, files that are not regular.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "compiler/emit/index/json_index.h"
#include "compiler/emit/script/runbook_scripts.h"
#include "compiler/emit/script/script.h"
#include "compiler/syntax/slug.h"
#include "test_support.h"

using namespace rbc;
namespace fs = std::filesystem;

namespace {

/// The deepest node of the tree, walked with an explicit stack.
int depth_of(const DocNode& root) {
  int deepest = 0;
  std::vector<std::pair<const DocNode*, int>> todo{{&root, 0}};
  while (!todo.empty()) {
    auto [node, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    for (const DocNode& child : node->children) todo.push_back({&child, depth + 1});
  }
  return deepest;
}

/// The text of every text node, in document order.
std::string texts_of(const DocNode& root) {
  std::string out;
  std::vector<const DocNode*> todo{&root};
  while (!todo.empty()) {
    const DocNode* node = todo.back();
    todo.pop_back();
    if (node->type == DocNode::Type::text) out += node->text + "|";
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) todo.push_back(&*it);
  }
  return out;
}

}  // namespace

TEST_CASE("runbook ids: a repeated id takes the first free number, never another runbook's id") {
  CHECK(runbook_ids({"c/A.md", "c/a-2.md", "c/a.md"}) == test::list({"a", "a-2", "a-3"}));
  CHECK(runbook_ids({"c/a.md", "c/A.md", "c/a-2.md", "c/a-3.md"}) == test::list({"a", "a-4", "a-2", "a-3"}));
  CHECK(runbook_ids({"c/x y.md", "c/x-y.md", "c/x_y.md"}) == test::list({"x-y", "x-y-2", "x_y"}));
  // No id holds "--", the separator of section scripts (a.md's "## B" is a--b.sh).
  CHECK(runbook_ids({"c/a.md", "c/a--b.md", "c/x - y.md", "c/sub/-z.md"}) == test::list({"a", "a-b", "x-y", "sub-z"}));
}

TEST_CASE("runbook ids and script names fit in a file name: 100 bytes and a hash of the whole") {
  std::string l251(251, 'l');
  std::vector<std::string> ids = runbook_ids({"d/" + l251 + ".md", "d/" + l251 + "x.md", "d/short.md"});
  CHECK(ids == test::list({std::string(100, 'l') + "-13bf87cc", std::string(100, 'l') + "-b03de604", "short"}));
  CHECK(file_name_part(std::string(100, 'a')) == std::string(100, 'a'));
  // Cut between characters, never inside one: 'é' is two bytes.
  std::string accents;
  for (int i = 0; i < 60; ++i) accents += "\xc3\xa9";
  CHECK(file_name_part(accents).substr(0, 101) == accents.substr(0, 100) + "-");

  std::string heading(300, 'H');
  FileResult f = test::lint("# T\n\n## " + heading + "\n\n```bash\necho x\n```\n\n## Other\n\n```bash\necho y\n```\n");
  std::vector<RunbookScript> scripts = runbook_scripts(f, "t", ScriptCheck::lenient);
  REQUIRE(scripts.size() == 3);
  CHECK(scripts[1].path == "scripts/t--" + std::string(100, 'h') + "-1e0a7f17.sh");
  CHECK(scripts[2].path == "scripts/t--other.sh");
  CHECK(f.runbook.sections[1].anchor == std::string(300, 'h'));  // the page keeps the whole anchor
}

TEST_CASE("nesting deeper than kMaxNesting is flattened into the last kept level and reported once") {
  auto quotes = [](int n) { return "# T\n\n" + std::string(static_cast<size_t>(n), '>') + " inner text\n"; };
  FileResult fits = test::lint(quotes(kMaxNesting));
  CHECK(test::positions(fits, "RB007").empty());
  CHECK(depth_of(fits.runbook.document) == kMaxNesting + 2);  // quotes, paragraph, text

  FileResult deep = test::lint(quotes(kMaxNesting + 5));
  CHECK(test::positions(deep, "RB007") == test::list({"3:33"}));
  CHECK(depth_of(deep.runbook.document) == kMaxNesting + 2);
  CHECK(texts_of(deep.runbook.document) == "T|inner text|");
}

TEST_CASE("200,000 nested quotes and 60,000 nested list items: the tree is bounded, the step kept, the script made") {
  const std::string bash_block = "\n\n```bash\necho after\n```\n";
  std::string quotes = "# Q\n\n", list = "# L\n\n", prefix;
  for (int i = 0; i < 200000; ++i) quotes += "> ";
  for (int i = 0; i < 60000; ++i) list += "- ", prefix += "> ";
  quotes += "deep" + bash_block;
  list += "x" + bash_block;
  // The block inside 60,000 quotes, each of its lines prefixed.
  std::string inside = "# I\n\n" + prefix + "```bash\n" + prefix + "echo inside\n" + prefix + "```\n";
  for (const std::string* md : {&quotes, &list}) {
    FileResult f = test::lint(*md);
    REQUIRE(f.runbook.steps.size() == 1);
    CHECK(f.runbook.steps[0].line == 5);
    CHECK(depth_of(f.runbook.document) <= kMaxNesting + 4);
    CHECK(test::positions(f, "RB007") == test::list({md == &quotes ? "3:65" : "3:33"}));
    std::string error;
    std::string script = generate_script(f.runbook, f.diagnostics, -1, &error, ScriptCheck::lenient);
    CHECK(script.find("echo after") != std::string::npos);
  }
  FileResult f = test::lint(inside);
  REQUIRE(f.runbook.steps.size() == 1);
  CHECK(f.runbook.steps[0].body == "echo inside\n");
  std::string error;
  CHECK(generate_script(f.runbook, f.diagnostics, -1, &error, ScriptCheck::lenient).find("echo inside") != std::string::npos);
}

TEST_CASE("collect_runbooks: links out of the input skipped with a warning, non-regular files named are errors") {
  fs::path dir = fs::temp_directory_path() / ("runbookc-links-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in" / "sub");
  fs::create_directories(dir / "secret");
  std::ofstream(dir / "secret" / "key") << "# secret\n";
  std::ofstream(dir / "in" / "a.md") << "# A\n";
  fs::create_symlink("../../secret/key", dir / "in" / "sub" / "leak.md");
  fs::create_symlink("../a.md", dir / "in" / "sub" / "inside.md");
  REQUIRE(::mkfifo((dir / "in" / "pipe.md").c_str(), 0600) == 0);
  std::string in = (dir / "in").string(), secret = fs::canonical(dir / "secret" / "key").string();

  LintRun walked;
  CHECK(collect_runbooks({in}, walked) == test::list({in + "/a.md", in + "/sub/inside.md"}));
  CHECK(walked.warnings == test::list({in + "/sub/leak.md: skipped: a symbolic link to a file outside the input (" + secret + ")"}));
  CHECK(walked.errors.empty());  // a FIFO found by the walk is not a runbook, silently

  LintRun named;
  CHECK(collect_runbooks({in + "/sub/leak.md", in + "/pipe.md", in + "/sub/inside.md"}, named).empty());
  CHECK(named.warnings == test::list({in + "/sub/leak.md: skipped: a symbolic link to a file outside the input (" + secret + ")",
                                      in + "/sub/inside.md: skipped: a symbolic link to a file outside the input (" +
                                          fs::canonical(dir / "in" / "a.md").string() + ")"}));
  CHECK(named.errors == test::list({in + "/pipe.md: not a regular file but a named pipe (FIFO); not read"}));

  LintRun rooted;  // build lints its stale files one by one, under the roots it walked
  CHECK(collect_runbooks({in + "/sub/inside.md"}, rooted, {in}) == test::list({in + "/sub/inside.md"}));
  CHECK(rooted.warnings.empty());
  fs::remove_all(dir);
}
