// Portability notes (RB501-RB506): only for commands run on the reader's
// machine, and not in runbooks that evidently target Linux servers.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB501 gnu-date-options") {
  auto r = lint(bash("date -d yesterday\nSTART=$(date --date='-1 hour' +%s)\ndate --iso-8601=seconds\ndate -u +%s\n"
                     "ssh host date -d yesterday\n"));
  CHECK(positions(r, "RB501") == list({"4:6", "5:14", "6:6"}));
}

TEST_CASE("RB502 sed-in-place-without-suffix") {
  auto r = lint(bash("sed -i 's/a/b/' f\nsed -Ei 's/a+/b/' f\nsed -i '' 's/a/b/' f\nsed -i.bak 's/a/b/' f\n"
                     "sed -n '1,5p' f\n"));
  CHECK(positions(r, "RB502") == list({"4:5", "5:5", "6:5"}));
}

TEST_CASE("RB503 macos-only-command and RB504 watch-not-on-macos") {
  auto r = lint(bash("open https://grafana.example.com\necho hi | pbcopy\nopenssl version\n"
                     "watch -n 2 kubectl get pods\nkubectl get pods -w\n"));
  CHECK(positions(r, "RB503") == list({"4:1", "5:11"}));
  CHECK(positions(r, "RB504") == list({"7:1"}));
}

TEST_CASE("RB505 readlink-canonicalize and RB506 grep-perl-regex") {
  auto r = lint(bash("readlink -f current\nreadlink current\ngrep -oP '\\d+' f\ngrep -E '[0-9]+' f\n"));
  CHECK(positions(r, "RB505") == list({"4:10"}));
  CHECK(positions(r, "RB506") == list({"6:6"}));
}

TEST_CASE("portability notes stay quiet in runbooks for Linux servers") {
  auto r = lint(bash("sudo systemctl status app\ndate -d yesterday\nsed -i 's/a/b/' /etc/app.conf\ngrep -P 'x' f\n"));
  for (const char* code : {"RB501", "RB502", "RB506"}) CHECK(positions(r, code) == none);
}
