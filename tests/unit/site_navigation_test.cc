// Navigation of the built site: folders below the runbooks' common directory,
// the tree's data, the index grouped by folder, and a runbook's breadcrumbs.
#include <doctest/doctest.h>

#include "compiler/emit/output/runbook_summary.h"
#include "compiler/emit/site/runbook_page.h"
#include "compiler/emit/site/site_nav.h"
#include "compiler/emit/site/site_pages.h"
#include "compiler/model/url_layout.h"
#include "test_support.h"

namespace {

rbc::RunbookSummary summary(const std::string& path, const std::string& id, const std::string& title,
                            const std::string& service = "") {
  rbc::RunbookSummary s;
  s.path = path;
  s.id = id;
  s.url = rbc::runbook_page_url(id);
  s.title = title;
  s.metadata.service = service;
  return s;
}

}  // namespace

TEST_CASE("navigation: folders are directories below the runbooks' common one") {
  std::vector<std::string> paths = {"repo/runbooks/db/lag.md", "repo/runbooks/db/replica/split.md", "repo/runbooks/top.md"};
  size_t common = rbc::common_directory_length(paths);
  CHECK(common == std::string("repo/runbooks/").size());
  CHECK(rbc::runbook_folder(paths[0], common) == "db");
  CHECK(rbc::runbook_folder(paths[1], common) == "db/replica");
  CHECK(rbc::runbook_folder(paths[2], common).empty());
  CHECK(rbc::common_directory_length({"only/one.md"}) == 5);
  CHECK(rbc::common_directory_length({"a.md", "b/c.md"}) == 0);
  CHECK(rbc::common_directory_length({}) == 0);
}

TEST_CASE("navigation: a folder's group id and link, white space and reserved characters kept apart") {
  CHECK(rbc::folder_anchor("") == "folder");
  CHECK(rbc::folder_anchor("db/replica") == "folder-db/replica");
  CHECK(rbc::folder_anchor("on call\tteam") == "folder-on-call-team");
  CHECK(rbc::folder_href("db/replica") == "index.html#folder-db/replica");
  CHECK(rbc::folder_href("50% #1") == "index.html#folder-50%25-%231");
  CHECK(rbc::folder_href("caf\xC3\xA9") == "index.html#folder-caf%C3%A9");
}

TEST_CASE("navigation: the tree's data lists folders once, sorted, and pages in path order") {
  std::vector<rbc::RunbookSummary> entries = {summary("rb/db/lag.md", "db-lag", "Replica \"lag\"", "db"),
                                              summary("rb/auth/down.md", "auth-down", "Auth down"),
                                              summary("rb/db/full.md", "db-full", "Disk full", "db")};
  CHECK(rbc::site::nav_data_script(entries) ==
        "window.RUNBOOKC_NAV = {\"folders\":[\"auth\",\"db\"],\"pages\":["
        "[1,\"Replica \\\"lag\\\"\",\"runbooks/db-lag.html\",\"db\"],"
        "[0,\"Auth down\",\"runbooks/auth-down.html\",\"\"],"
        "[1,\"Disk full\",\"runbooks/db-full.html\",\"db\"]]};\n");
}

TEST_CASE("navigation: the index groups runbooks by folder, each group a tbody with the folder's id") {
  rbc::site::SiteModel site;
  site.entries = {summary("rb/auth/down.md", "auth-down", "Auth down"), summary("rb/db/full.md", "db-full", "Disk full"),
                  summary("rb/db/lag.md", "db-lag", "Replica lag"), summary("rb/top.md", "top", "Top")};
  std::string html = rbc::site::render_index_page(site);
  size_t top = html.find("<tbody class=\"group\" id=\"folder\">");
  size_t auth = html.find("<tbody class=\"group\" id=\"folder-auth\">");
  size_t db = html.find("<tbody class=\"group\" id=\"folder-db\">");
  REQUIRE(top != std::string::npos);
  REQUIRE(auth != std::string::npos);
  REQUIRE(db != std::string::npos);
  CHECK((top < auth && auth < db));  // sorted by folder, the top one first
  CHECK(html.find("aria-expanded=\"true\">db</button><span class=\"group-count\">2 runbooks</span>", db) != std::string::npos);
  CHECK(html.find("<span class=\"path\">db/lag.md</span>", db) != std::string::npos);  // below the common directory
  CHECK(html.find("4 runbooks in 3 folders") != std::string::npos);
  CHECK(html.find("Group by") == std::string::npos);  // no runbook names a service
  site.entries[0].metadata.service = "auth";
  CHECK(rbc::site::render_index_page(site).find("Group by") != std::string::npos);
}

TEST_CASE("navigation: breadcrumbs lead from the index through each folder to the runbook") {
  rbc::FileResult f = rbc::test::lint("# Replica lag\n\ntext\n", "rb/db/replica/lag.md");
  std::string html = rbc::site::render_runbook_page(rbc::site::SiteInfo{}, {f, "db-replica-lag", {}, nullptr, "db/replica"});
  CHECK(html.find("<p class=\"crumbs\"><a href=\"../index.html\">Runbooks</a> / "
                  "<a href=\"../index.html#folder-db\">db</a> / "
                  "<a href=\"../index.html#folder-db/replica\">replica</a> / "
                  "<span aria-current=\"page\">Replica lag</span></p>") != std::string::npos);
}
