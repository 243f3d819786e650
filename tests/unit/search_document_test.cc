// The site's search documents: one per section, with the heading path below
// the title, the section's prose and commands, and the caps on stored text.
#include <doctest/doctest.h>

#include "compiler/emit/site/search_document.h"
#include "compiler/model/url_layout.h"
#include "tests/unit/test_support.h"

using rbc::site::search_document;
using rbc::site::search_sections;
using rbc::site::SearchSection;

namespace {

const char* const kDiskRunbook =
    "---\n"
    "title: Disk full on db hosts\n"
    "service: db\n"
    "severity: P2\n"
    "alerts: [DiskSpaceLow, DiskSpaceCritical]\n"
    "---\n"
    "# Disk full on db hosts\n"
    "\n"
    "Pages when the data volume fills.\n"
    "\n"
    "## Diagnosis\n"
    "\n"
    "### Check disk\n"
    "\n"
    "Run `df -h` and look for\n"
    "a *full* volume.\n"
    "\n"
    "- first item\n"
    "- second item\n"
    "\n"
    "| mount | use |\n"
    "|-------|-----|\n"
    "| /var  | 99% |\n"
    "\n"
    "```bash\n"
    "df -h /var/lib\n"
    "```\n"
    "\n"
    "> Quoted advice.\n"
    "\n"
    "<!-- a comment -->\n"
    "\n"
    "## Empty\n"
    "\n"
    "## Mitigation\n"
    "\n"
    "Free space.\n";

std::vector<SearchSection> sections_of(const std::string& markdown, const std::string& path = "ops/db/disk.md") {
  rbc::FileResult f = rbc::test::lint(markdown, path);
  return search_sections(f.runbook);
}

}  // namespace

TEST_CASE("search sections: the top, then each section with text, by anchor and heading path") {
  std::vector<SearchSection> s = sections_of(kDiskRunbook);
  REQUIRE(s.size() == 3);
  CHECK(s[0].anchor == "");
  CHECK(s[0].heading == "");
  CHECK(s[0].text == "Pages when the data volume fills.");
  CHECK(s[1].anchor == "check-disk");
  CHECK(s[1].heading == "Diagnosis \u203a Check disk");  // the title heading is not repeated
  CHECK(s[1].text == "Run df -h and look for a full volume.\nfirst item\nsecond item\nmount use\n/var 99%\nQuoted advice.");
  CHECK(s[1].code == "df -h /var/lib");
  CHECK(s[2].anchor == "mitigation");
  CHECK(s[2].heading == "Mitigation");
  CHECK(s[2].text == "Free space.");
}

TEST_CASE("search sections: without a title heading the top is kept empty and the first heading is a section") {
  std::vector<SearchSection> s = sections_of("## Symptoms\n\nLatency is high.\n\n## Symptoms\n\nAgain.\n");
  REQUIRE(s.size() == 3);
  CHECK(s[0].anchor == "");
  CHECK(s[0].text == "");
  CHECK(s[1].anchor == "symptoms");
  CHECK(s[1].heading == "Symptoms");
  CHECK(s[2].anchor == "symptoms-1");  // the page's own unique slug
  CHECK(s[2].text == "Again.");
}

TEST_CASE("search sections: a level-1 heading other than the front matter's title is a section") {
  std::vector<SearchSection> s = sections_of("---\ntitle: Queue backlog\n---\n# Overview\n\nDrains slowly.\n");
  REQUIRE(s.size() == 2);
  CHECK(s[1].anchor == "overview");
  CHECK(s[1].heading == "Overview");
  CHECK(s[1].text == "Drains slowly.");
}

TEST_CASE("search sections: text cut at a word within the section cap, code within its own") {
  std::string words;
  for (int i = 0; i < 300; ++i) words += "word" + std::to_string(i) + " ";  // 2,290 bytes
  std::string code;
  for (int i = 0; i < 100; ++i) code += "echo line" + std::to_string(i) + "\n";
  std::vector<SearchSection> s = sections_of("# T\n\n## Long\n\n" + words + "\n\n```bash\n" + code + "```\n");
  REQUIRE(s.size() == 2);
  CHECK(s[1].text.size() == 598);
  CHECK(s[1].text.substr(s[1].text.size() - 7) == " word86");
  CHECK(s[1].code.size() <= rbc::site::kSectionCodeBytes);
  CHECK(s[1].code.substr(0, 11) == "echo line0\n");
}

TEST_CASE("search sections: a cut never splits a UTF-8 character") {
  std::string text(599, 'x');
  text += "\xc3\xa9\xc3\xa9";  // "éé" across the 600-byte cap, no space to cut at
  std::vector<SearchSection> s = sections_of("# T\n\n## S\n\n" + text + "\n");
  REQUIRE(s.size() == 2);
  CHECK(s[1].text == std::string(599, 'x'));
}

TEST_CASE("search sections: a runbook's stored text is capped as a whole") {
  std::string md = "# T\n";
  for (int i = 0; i < 10; ++i) md += "\n## S" + std::to_string(i) + "\n\n" + std::string(400, 'a' + i) + "\n";
  std::vector<SearchSection> s = sections_of(md);
  size_t total = 0;
  for (const SearchSection& d : s) total += d.text.size() + d.code.size();
  CHECK(total == rbc::site::kRunbookTextBytes);
  CHECK(s.size() == 11);
  CHECK(s[7].text.size() == 400);
  CHECK(s[8].text.size() == 200);  // what is left of the budget
  CHECK(s[9].text.empty());        // still found by its heading
}

TEST_CASE("search sections: at most kRunbookDocuments documents a runbook") {
  std::string md = "# T\n\nTop.\n";
  for (int i = 0; i < 250; ++i) md += "\n## S" + std::to_string(i) + "\n\nx\n";
  std::vector<SearchSection> s = sections_of(md);
  REQUIRE(s.size() == 200);
  CHECK(s[199].anchor == "s198");
}

TEST_CASE("runbook short paths: below the directory all share") {
  CHECK(rbc::runbook_short_paths({"in/a.md", "in/storage/disk.md", "in/db/x/disk.md"}) ==
        std::vector<std::string>{"a.md", "storage/disk.md", "db/x/disk.md"});
  CHECK(rbc::runbook_short_paths({"../srv/in/db/a.md", "../srv/in/db/b.md"}) == std::vector<std::string>{"a.md", "b.md"});
  CHECK(rbc::runbook_short_paths({"a.md"}) == std::vector<std::string>{"a.md"});
}

TEST_CASE("search document: runbook fields once, sections' anchors and headings apart from their text") {
  rbc::FileResult f = rbc::test::lint(kDiskRunbook, "ops/db/disk.md");
  rbc::site::SearchDocument doc = search_document(f.runbook, "disk", "Disk full on db hosts", "db/disk.md");
  nlohmann::ordered_json& d = doc.head;
  CHECK(d["u"] == "runbooks/disk.html");
  CHECK(d["t"] == "Disk full on db hosts");
  CHECK(d["p"] == "db/disk.md");
  CHECK(d["a"] == "DiskSpaceLow DiskSpaceCritical");
  CHECK(d["s"] == "db");
  CHECK(d["v"] == "P2");
  REQUIRE(d["d"].size() == 3);
  CHECK(d["d"].dump() == R"([["",""],["check-disk","Diagnosis › Check disk"],["mitigation","Mitigation"]])");
  REQUIRE(doc.body.size() == 3);
  CHECK(doc.body[1][1] == "df -h /var/lib");
  CHECK(doc.body[2].dump() == R"(["Free space.",""])");
}
