// Danger rules over git, deploys and framework database tasks (RB285-RB293).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB285 git-force-push and RB286 git-force-with-lease") {
  auto r = lint(bash("git push --force origin main\n"
                     "git push -fu origin main\n"
                     "git push origin +main\n"
                     "git push --force-with-lease origin main\n"
                     "git push origin main\n"));
  CHECK(positions(r, "RB285") == list({"4:10", "5:10", "6:17"}));
  CHECK(positions(r, "RB286") == list({"7:10"}));
}

TEST_CASE("RB287 git-reset-hard and RB288 git-clean-force") {
  auto r = lint(bash("git reset --hard HEAD~1\ngit reset --soft HEAD~1\ngit clean -fdx\ngit clean -n -fdx\n"));
  CHECK(positions(r, "RB287") == list({"4:11"}));
  CHECK(positions(r, "RB288") == list({"6:11"}));
}

TEST_CASE("RB289 revert-then-deploy: same section, later block counts, other sections do not") {
  auto r = lint("# Rollback\n\n```bash\ngit revert HEAD\n```\n\n```bash\nmake deploy\n```\n\n"
                "# Other\n\n```bash\ngit revert abc123\n```\n\n## Later\n\n```bash\n./deploy.sh\n```\n");
  CHECK(positions(r, "RB289") == list({"4:1"}));
  CHECK(positions(lint(bash("git revert HEAD\nnpm run build\n")), "RB289") == none);
  CHECK(positions(lint(bash("git revert HEAD\nkubectl apply -f k8s/\n")), "RB289") == list({"4:1"}));
}

TEST_CASE("RB290 prisma-migrate-reset and RB291 prisma-db-push-data-loss") {
  auto r = lint(bash("npx prisma migrate reset --force\n"
                     "prisma migrate reset\n"
                     "npx prisma migrate deploy\n"
                     "npx prisma db push --accept-data-loss\n"
                     "npx prisma db push\n"));
  CHECK(positions(r, "RB290") == list({"4:5", "5:1"}));
  CHECK(positions(r, "RB291") == list({"7:20"}));
}

TEST_CASE("RB292 rails-db-drop and RB293 django-flush") {
  auto r = lint(bash("bundle exec rake db:drop\n"
                     "rails db:schema:load\n"
                     "bin/rails db:migrate\n"
                     "python manage.py flush --noinput\n"
                     "./manage.py migrate\n"));
  CHECK(positions(r, "RB292") == list({"4:18", "5:7"}));
  CHECK(positions(r, "RB293") == list({"7:18"}));
}
