// lint --format gitlab: GitLab's Code Quality report, every field pinned.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <sstream>

#include "compiler/emit/reporters/reporter.h"
#include "linter/driver.h"
#include "test_support.h"

using namespace rbc;

namespace {

nlohmann::json gitlab_report(const LintRun& run) {
  std::ostringstream out;
  report_gitlab(out, run);
  return nlohmann::json::parse(out.str());
}

/// The fingerprint computed in one call over the concatenated bytes, apart
/// from the reporter's streaming hash.
std::string expected_fingerprint(const std::string& path, const std::string& code, const std::string& text) {
  std::string bytes = path + '\0' + code + '\0' + text;
  return fmt::format("{:016x}", XXH3_64bits(bytes.data(), bytes.size()));
}

const std::string kFlush = "# Cache\n\n```bash\nredis-cli FLUSHALL\n```\n";

}  // namespace

TEST_CASE("gitlab: every field of a known finding, the path as given") {
  LintRun run;
  run.files.push_back(test::lint(kFlush, "runbooks/cache flush.md"));
  REQUIRE(test::positions(run.files[0], "RB250") == test::list({"4:11"}));
  nlohmann::json report = gitlab_report(run);
  REQUIRE(report.is_array());
  REQUIRE(report.size() == run.files[0].diagnostics.size());
  const Diagnostic d = test::with_code(run.files[0], "RB250").front();
  nlohmann::json issue;
  for (const auto& i : report)
    if (i["check_name"] == "RB250") issue = i;
  REQUIRE(issue.is_object());
  CHECK(issue.size() == 5);
  CHECK(issue["description"] ==
        "FLUSHALL deletes every key in every database of this Redis: sessions, caches, queues and locks are gone at "
        "once, and nothing can bring them back. delete only the keys at fault (SCAN with a MATCH pattern, then UNLINK "
        "in batches), or declare danger=\"...\" on the block");
  CHECK(issue["check_name"] == "RB250");
  CHECK(issue["severity"] == "major");
  CHECK(issue["location"] == nlohmann::json{{"path", "runbooks/cache flush.md"}, {"lines", {{"begin", 4}}}});
  CHECK(offending_text(run.files[0], d) == "FLUSHALL");
  CHECK(issue["fingerprint"] == expected_fingerprint("runbooks/cache flush.md", "RB250", "FLUSHALL"));
  CHECK(issue["fingerprint"].get<std::string>().size() == 16);
}

TEST_CASE("gitlab: the fingerprint survives lines moving, and changes with the path or the text") {
  auto fingerprint = [](const std::string& markdown, const std::string& path) {
    LintRun run;
    run.files.push_back(test::lint(markdown, path));
    for (const auto& i : gitlab_report(run))
      if (i["check_name"] == "RB250") return std::make_pair(i["fingerprint"].get<std::string>(), i["location"]["lines"]["begin"].get<int>());
    return std::make_pair(std::string(), 0);
  };
  auto here = fingerprint(kFlush, "a.md");
  auto moved = fingerprint("# Cache\n\nIntro.\n\nMore intro.\n\n```bash\nredis-cli FLUSHALL\n```\n", "a.md");
  CHECK(here.second == 4);
  CHECK(moved.second == 8);
  CHECK(here.first == moved.first);
  CHECK(fingerprint(kFlush, "b.md").first != here.first);
  CHECK(fingerprint("# Cache\n\n```bash\nredis-cli flushall\n```\n", "a.md").first != here.first);
}

TEST_CASE("gitlab: the same finding twice in a file gets two fingerprints") {
  LintRun run;
  run.files.push_back(test::lint("# Cache\n\n```bash\nredis-cli FLUSHALL\n```\n\n```bash\nredis-cli FLUSHALL\n```\n", "a.md"));
  std::vector<std::string> prints;
  for (const auto& i : gitlab_report(run))
    if (i["check_name"] == "RB250") prints.push_back(i["fingerprint"]);
  REQUIRE(prints.size() == 2);
  CHECK(prints[0] == expected_fingerprint("a.md", "RB250", "FLUSHALL"));
  CHECK(prints[1] == gitlab_fingerprint("a.md", "RB250", "FLUSHALL", 1));
  CHECK(prints[0] != prints[1]);
}

TEST_CASE("gitlab: severities, and an empty run is an empty array") {
  CHECK(std::string(gitlab_severity(Severity::error)) == "major");
  CHECK(std::string(gitlab_severity(Severity::warning)) == "minor");
  CHECK(std::string(gitlab_severity(Severity::note)) == "info");
  std::ostringstream out;
  report_gitlab(out, LintRun{});
  CHECK(out.str() == "[]\n");
}
