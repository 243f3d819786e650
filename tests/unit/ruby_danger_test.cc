// Ruby in Rails consoles (```ruby blocks, untagged console sessions, rails
// runner): RB246 whole-table bulk writes, RB247 record deletes, RB250 for a
// Redis client's flush; hash/array deletes, strings and comments stay quiet.
#include <doctest/doctest.h>

#include "test_support.h"

using rbc::test::block;
using rbc::test::bash;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::none;
using rbc::test::positions;

TEST_CASE("RB246 delete_all, destroy_all and update_all on a whole model") {
  auto r = lint(block("ruby",
                      "Session.delete_all\n"
                      "Billing::Invoice.all.destroy_all\n"
                      "User.unscoped.update_all(plan: \"free\")\n"
                      "User.where(id: 42).update_all(plan: \"free\")\n"
                      "Session.where(user_id: 42).delete_all\n"));
  CHECK(positions(r, "RB246") == list({"4:9", "5:22", "6:15"}));
  CHECK(positions(r, "RB247") == list({"8:28"}));
}

TEST_CASE("RB247 record deletes: .destroy, .delete without arguments, &:delete, purge") {
  auto r = lint(block("ruby",
                      "User.find_by(email: \"a@example.com\").destroy\n"
                      "Sidekiq::RetrySet.new.select { |job| job.klass == \"X\" }.map(&:delete)\n"
                      "queue.each { |job| job.delete if job.args.first == 7 }\n"
                      "settings.delete(:theme)\n"
                      "ids.delete 7\n"
                      "user.avatar.purge\n"
                      "user.destroy!\n"));
  CHECK(positions(r, "RB247") == list({"4:38", "5:63", "6:24", "9:13", "10:6"}));
  CHECK(positions(r, "RB246") == none);
}

TEST_CASE("Ruby strings, comments and irb output are not code") {
  auto r = lint(block("ruby",
                      "# User.delete_all would remove everyone\n"
                      "puts \"run User.delete_all to reset\"\n"
                      "%w[User.delete_all]\n"
                      "=> #<User id: 1>.destroy\n"
                      "User.count\n"));
  CHECK(positions(r, "RB246") == none);
  CHECK(positions(r, "RB247") == none);
}

TEST_CASE("irb and pry prompts are skipped; a Redis client's flush is RB250") {
  auto r = lint(block("ruby",
                      "irb(main):001:0> Order.delete_all\n"
                      "=> 12\n"
                      "[2] pry(main)> Redis.new(url: ENV[\"REDIS_URL\"]).flushall\n"));
  CHECK(positions(r, "RB246") == list({"4:24"}));
  CHECK(positions(r, "RB250") == list({"6:49"}));
}

TEST_CASE("An untagged Rails console session is Ruby: RB404 says so and the deletes are seen") {
  auto r = lint("# Clean\n\n```\nPathReservation.find_by(base_path: \"/old\").delete\n```\n");
  CHECK(positions(r, "RB404") == list({"3:1"}));
  CHECK(positions(r, "RB247") == list({"4:44"}));
  auto diags = rbc::test::with_code(r, "RB404");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message.find("holds Ruby") != std::string::npos);
}

TEST_CASE("rails runner code is scanned; a script file is not") {
  auto r = lint(bash("bin/rails runner -e production 'Session.delete_all'\n"
                     "kubectl exec deploy/web -- bundle exec rails runner \"User.find(7).destroy\"\n"
                     "rails runner scripts/cleanup.rb\n"));
  CHECK(positions(r, "RB246") == list({"4:41"}));
  CHECK(positions(r, "RB247") == list({"5:67"}));
}
