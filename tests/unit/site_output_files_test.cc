// The file formats behind incremental builds: manifest, build cache, and the
// spliced runbooks.json and search data (the same bytes as a whole dump).
#include <doctest/doctest.h>

#include <algorithm>

#include "compiler/emit/output/runbook_summary.h"
#include "compiler/emit/index/json_index.h"
#include "compiler/emit/output/build_cache.h"
#include "compiler/emit/output/manifest.h"
#include "compiler/emit/site/site_pages.h"
#include "linter/rule.h"
#include "test_support.h"

namespace {

using rbc::ojson;
using namespace rbc::site;
using namespace std::string_view_literals;

std::string joined(const std::vector<std::string_view>& pieces) {
  std::string out;
  for (std::string_view p : pieces) out += p;
  return out;
}

}  // namespace

TEST_CASE("manifest: content hashes are XXH3-128 in hex; pieces hash as their concatenation") {
  CHECK(content_hash("") == "99aa06d3014798d86001c324468d497f");
  CHECK(content_hash(std::vector<std::string_view>{"ab", "", "c"}) == content_hash("abc"));
  CHECK(stamp_of({"#!/bin/sh\n"}, true) != stamp_of({"#!/bin/sh\n"}, false));
}

TEST_CASE("manifest: text form, sorted by path, read back whole") {
  Manifest m;
  m["scripts/db.sh"] = {std::string(32, 'a'), true};
  m["index.html"] = {std::string(32, 'b'), false};
  std::string text = manifest_text(m);
  CHECK(text == "runbookc-manifest 1\n" + std::string(32, 'b') + " - index.html\n" + std::string(32, 'a') + " x scripts/db.sh\n");
  CHECK(parse_manifest(text) == m);
  CHECK(parse_manifest(manifest_text({})) == Manifest{});
}

TEST_CASE("manifest: anything but a whole, valid manifest is refused") {
  std::string line = std::string(32, 'c') + " - runbooks/a.html\n";
  CHECK(parse_manifest("runbookc-manifest 1\n" + line));
  CHECK_FALSE(parse_manifest(""));
  CHECK_FALSE(parse_manifest("runbookc-manifest 2\n" + line));                         // another format
  CHECK_FALSE(parse_manifest("runbookc-manifest 1\n" + line.substr(0, line.size() - 1)));  // cut short
  CHECK_FALSE(parse_manifest("runbookc-manifest 1\n" + std::string(31, 'c') + "  - a.html\n"));
  CHECK_FALSE(parse_manifest("runbookc-manifest 1\n" + std::string(32, 'C') + " - a.html\n"));  // not lowercase hex
  CHECK_FALSE(parse_manifest("runbookc-manifest 1\n" + std::string(32, 'c') + " ? a.html\n"));
  for (const char* outside : {"../a.html", "/etc/passwd", "runbooks/../../a", "a//b", "./a"})
    CHECK_FALSE(parse_manifest("runbookc-manifest 1\n" + std::string(32, 'c') + " - " + outside + "\n"));
  CHECK(parse_manifest("runbookc-manifest 1\n" + std::string(32, 'c') + " - runbooks/a..b.html\n"));  // dots inside a name
}

TEST_CASE("build cache: records survive a write and a read; any damage empties the cache") {
  std::string summary("\xa1\x61\x78\x01", 4);  // CBOR {"x": 1}
  RunbookRecord a{"db", "0123456789abcdef", "    {}", "{\"id\":\"db\"}", "[[\"x\",\"\"]]", summary, {"runbooks/db.html", "scripts/db.sh"}, 2};
  RunbookRecord b{"web", "fedcba9876543210", "    {\n      \"id\": \"web\"\n    }", "{}", "[]", "", {"runbooks/web.html"}, -1};
  std::string scratch;
  std::string bytes = joined(cache_pieces("aggregates-key", {&a, &b}, scratch));
  BuildCache cache = parse_cache(bytes);
  CHECK(cache.aggregates_key == "aggregates-key");
  REQUIRE(cache.runbooks.size() == 2);
  CHECK(cache.runbooks[0] == a);
  CHECK(cache.runbooks[1] == b);
  // Header, then 8-byte lengths and counts before the strings, then an 8-byte checksum.
  CHECK(bytes.size() == 354);
  CHECK(bytes.starts_with("runbookc-cache 3\n\x0e\0\0\0\0\0\0\0aggregates-key\x02\0\0\0\0\0\0\0"sv));

  CHECK(parse_cache("").runbooks.empty());
  CHECK(parse_cache(bytes.substr(0, bytes.size() - 1)).runbooks.empty());  // truncated
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  CHECK(parse_cache(flipped).runbooks.empty());  // checksum
  CHECK(parse_cache("garbage").aggregates_key.empty());
}

TEST_CASE("runbooks.json spliced from entry texts is the whole document's dump") {
  rbc::FileResult one = rbc::test::lint("---\ntitle: \"Caf\xc3\xa9 \\\"db\\\"\"\n---\n# A\n\n## Fix\n\n```bash\necho hi\n```\n", "rb/a.md");
  rbc::FileResult two = rbc::test::lint("# B\n\nno steps, bad UTF-8 \xff here\n", "rb/b.md");
  std::vector<ojson> entries = {rbc::runbook_entry(one, "a", {}), rbc::runbook_entry(two, "b", {})};
  std::vector<std::string> texts = {rbc::runbook_entry_text(entries[0]), rbc::runbook_entry_text(entries[1])};
  ojson whole = {{"version", 1}, {"runbooks", entries}};
  CHECK(rbc::runbooks_index_text({texts[0], texts[1]}) == rbc::dump_json(whole));
  CHECK(rbc::runbooks_index_text({}) == rbc::dump_json({{"version", 1}, {"runbooks", ojson::array()}}));
  CHECK(joined(rbc::runbooks_index_pieces({texts[0], texts[1]})) == rbc::dump_json(whole));
}

TEST_CASE("summaries: step kinds counted, page URL and title from the model") {
  rbc::FileResult f = rbc::test::lint("# A\n\n```bash\nls\n```\n\n```sql\nSELECT 1;\n```\n\n```bash\npwd\n```\n", "a.md");
  rbc::RunbookSummary s = rbc::summarize(f, "a");
  CHECK(s.blocks == std::map<std::string, size_t>{{"postgres", 1}, {"shell", 2}});
  CHECK(s.id == "a");
  CHECK(s.url == "runbooks/a.html");
  CHECK(s.title == "A");
  CHECK_FALSE(s.worst().has_value());
}

TEST_CASE("search data spliced from documents: one array, as one dump would write it") {
  ojson a = {{"id", "a"}, {"title", "x\"y"}}, b = {{"id", "b"}};
  std::string text = joined(search_data_script({a.dump(), b.dump()}));
  CHECK(text == "window.RUNBOOKC_SEARCH = " + ojson::array({a, b}).dump() + ";\n");
  CHECK(joined(search_data_script({})) == "window.RUNBOOKC_SEARCH = [];\n");
  CHECK(joined(search_text_script({"[[\"a\",\"\"]]", "[]"})) == "window.RUNBOOKC_SEARCH_TEXT = [[[\"a\",\"\"]],[]];\n");
}

TEST_CASE("aggregate pages: each rendered on its own, a page per rule") {
  SiteModel model;
  std::vector<std::string> paths;
  for (const AggregateFile& f : aggregate_files(model)) {
    paths.push_back(f.path);
    CHECK_FALSE(f.render().empty());
  }
  CHECK(paths.front() == "index.html");
  CHECK(paths.back() == "rules/" + std::string(rbc::all_rules().back().code) + ".html");
  CHECK(std::count_if(paths.begin(), paths.end(), [](const std::string& p) { return p.starts_with("rules/RB"); }) ==
        static_cast<long>(rbc::all_rules().size()));
}
