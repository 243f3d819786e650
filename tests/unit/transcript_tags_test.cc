// Sessions and other shells under shell tags (issue #10 item 8): a psql,
// mysql, redis-cli, Ruby or mongo session, or fish/zsh/PowerShell, is never a
// bash syntax error; RB401 names what the block holds, and what was typed at
// a psql, mysql or redis-cli prompt is still checked in its language.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using test::block;
using test::list;
using test::none;
using test::positions;

namespace {

std::string help_of(const FileResult& r, const std::string& code) {
  auto found = test::with_code(r, code);
  return found.empty() ? "" : found.front().help;
}

}  // namespace

TEST_CASE("psql meta-commands in a session are not SQL") {
  auto r = test::lint(block("bash", "app=# \\dt+\n List of relations\napp=# \\x\nExpanded display is on.\napp=# \\q\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB002") == none);
  CHECK(positions(r, "RB401") == list({"3:1"}));
}

TEST_CASE("a psql session under a bash tag: RB401 names it, no RB001") {
  auto r = test::lint(block("bash", "mydb=# SELECT count(*) FROM users;\n count\n-------\n    42\n(1 row)\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB002") == none);
  CHECK(positions(r, "RB401") == list({"3:1"}));
  CHECK(r.runbook.steps[0].facts.mistagged_as == "a psql session");
  CHECK(help_of(r, "RB401").find("```psql```") != std::string::npos);
}

TEST_CASE("psql prompts of every state: `=>`, `->`, `(#`, `=*#`") {
  auto r = test::lint(block("sh",
                            "orders=> SELECT id\n"
                            "orders-> FROM orders\n"
                            "orders-> WHERE id = (\n"
                            "orders(> SELECT max(id) FROM orders);\n"
                            " id\n----\n  1\n"
                            "orders=*# COMMIT;\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB002") == none);
  CHECK(positions(r, "RB401") == list({"3:1"}));
}

TEST_CASE("what was typed at a psql prompt is SQL: the danger rules see it at its line and column") {
  auto r = test::lint(block("bash", "mydb=# DROP TABLE users;\nDROP TABLE\nmydb=> DELETE\nmydb-> FROM sessions;\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB223") == list({"4:8"}));
  CHECK(positions(r, "RB221") == list({"6:8"}));
  CHECK(positions(r, "RB401") == list({"3:1"}));
}

TEST_CASE("a console transcript that starts psql: its SQL is checked, the tag is right") {
  auto console = test::lint(block("console", "$ psql -U postgres app\npsql (15.4)\nType \"help\" for help.\n\n"
                                             "app=# DROP TABLE users;\nDROP TABLE\n"));
  CHECK(positions(console, "RB223") == list({"8:7"}));
  CHECK(positions(console, "RB401") == none);
  CHECK(positions(console, "RB001") == none);
  // `$ ` prompts under bash: a transcript as well, no RB401.
  auto prompted = test::lint(block("bash", "$ psql -U postgres\npostgres=# DROP DATABASE app;\n"));
  CHECK(positions(prompted, "RB224") == list({"5:12"}));
  CHECK(positions(prompted, "RB401") == none);
}

TEST_CASE("a session started by an unprompted command: RB401 suggests a console tag") {
  auto r = test::lint(block("bash", "psql -U postgres app\napp=# TRUNCATE audit_log;\n"));
  CHECK(positions(r, "RB401") == list({"3:1"}));
  CHECK(help_of(r, "RB401").find("```console```") != std::string::npos);
  CHECK(positions(r, "RB222") == list({"5:7"}));
}

TEST_CASE("irb, pry and rails console sessions are Ruby, not bash") {
  auto irb = test::lint(block("bash", "irb(main):001:0> User.count\n=> 42\nirb(main):002> User.where(admin: true).pluck(:email)\n"
                                      "=> [\"a@example.com\"]\n"));
  CHECK(positions(irb, "RB001") == none);
  CHECK(positions(irb, "RB401") == list({"3:1"}));
  CHECK(irb.runbook.steps[0].facts.mistagged_as == "a Ruby console session (irb, pry or rails console)");
  auto pry = test::lint(block("bash", "[1] pry(main)> Project.find(1).destroy\n=> #<Project id: 1>\n"));
  CHECK(positions(pry, "RB001") == none);
  CHECK(positions(pry, "RB401") == list({"3:1"}));
  auto rails = test::lint(block("shell", "bin/rails console -e production\nLoading production environment (Rails 7.1.2)\n"
                                         "app(prod)> Account.where(closed: true).count\n=> 3\n"));
  CHECK(positions(rails, "RB001") == none);
  CHECK(positions(rails, "RB401") == list({"3:1"}));
  CHECK(help_of(rails, "RB401").find("```console```") != std::string::npos);
}

TEST_CASE("mongo shell sessions: replica-set prompts, and `> ` after mongosh") {
  auto member = test::lint(block("bash", "rs0:PRIMARY> db.orders.find({status: \"stuck\"}).count()\n12\n"));
  CHECK(positions(member, "RB001") == none);
  CHECK(positions(member, "RB401") == list({"3:1"}));
  CHECK(member.runbook.steps[0].facts.mistagged_as == "a mongo shell session");
  auto bare = test::lint(block("bash", "mongosh \"mongodb://db-1:27017/app\"\n> db.sessions.find({}).limit(1)\n"
                                       "{ _id: 1 }\n"));
  CHECK(positions(bare, "RB001") == none);
  CHECK(positions(bare, "RB401") == list({"3:1"}));
  auto exec = test::lint(block("bash", "kubectl exec -it mongo-0 -- mongosh\nrs0 [direct: primary] app> db.stats()\n"));
  CHECK(positions(exec, "RB401") == list({"3:1"}));
  // Without a mongo command above it, `> ` is nobody's prompt: the block stays bash.
  auto redirect = test::lint(block("bash", "helm upgrade mongo bitnami/mongodb\n> /var/log/app.log\ndate>/tmp/stamp\n"));
  CHECK(positions(redirect, "RB401") == none);
  CHECK(positions(redirect, "RB001") == none);
}

TEST_CASE("redis-cli and mysql sessions: RB401 as before, and their commands checked") {
  auto redis = test::lint(block("bash", "127.0.0.1:6379> FLUSHALL\nOK\n"));
  CHECK(positions(redis, "RB001") == none);
  CHECK(positions(redis, "RB401") == list({"3:1"}));
  CHECK(redis.runbook.steps[0].facts.mistagged_as == "a redis-cli session");
  CHECK(positions(redis, "RB250") == list({"4:17"}));
  auto mysql = test::lint(block("bash", "mysql> SELECT COUNT(*) FROM orders;\n+----------+\n| COUNT(*) |\n+----------+\n"
                                        "|       42 |\n+----------+\nmysql> DROP TABLE\n    -> orders_old;\n"));
  CHECK(positions(mysql, "RB001") == none);
  CHECK(positions(mysql, "RB003") == none);
  CHECK(positions(mysql, "RB401") == list({"3:1"}));
  CHECK(positions(mysql, "RB223") == list({"10:8"}));
  auto mariadb = test::lint(block("bash", "MariaDB [(none)]> DROP DATABASE shop;\nQuery OK, 3 rows affected (0.01 sec)\n"));
  CHECK(positions(mariadb, "RB401") == list({"3:1"}));
  CHECK(positions(mariadb, "RB224") == list({"4:19"}));
}

TEST_CASE("fish under bash or sh: RB401 says fish, no RB001") {
  auto loop = test::lint(block("bash", "for f in *.log; echo $f; end\n"));
  CHECK(positions(loop, "RB001") == none);
  CHECK(positions(loop, "RB401") == list({"3:1"}));
  CHECK(loop.runbook.steps[0].facts.mistagged_as == "fish");
  CHECK(help_of(loop, "RB401").find("```fish```") != std::string::npos);
  auto set = test::lint(block("sh", "set -x PATH $PATH /opt/tools/bin\nset -gx EDITOR vim\n"));
  CHECK(positions(set, "RB401") == list({"3:1"}));
  auto function = test::lint(block("bash", "function backup\n    tar czf /backup/(date +%F).tgz /etc\nend\n"));
  CHECK(positions(function, "RB001") == none);
  CHECK(positions(function, "RB401") == list({"3:1"}));
  auto chain = test::lint(block("bash", "systemctl is-active nginx; and echo up\n"));
  CHECK(positions(chain, "RB401") == list({"3:1"}));
}

TEST_CASE("zsh under bash: RB401 says zsh; under a zsh tag it is no finding") {
  for (std::string body : {"echo ${(j:,:)hosts}\n", "setopt extendedglob\n", "autoload -Uz compinit\n",
                           "ls -l /var/log/*(.om[1])\n"}) {
    CAPTURE(body);
    auto r = test::lint(block("bash", body));
    CHECK(positions(r, "RB001") == none);
    CHECK(positions(r, "RB401") == list({"3:1"}));
    CHECK(r.runbook.steps[0].facts.mistagged_as == "zsh");
    auto tagged = test::lint(block("zsh", body));
    CHECK(positions(tagged, "RB001") == none);
    CHECK(positions(tagged, "RB401") == none);
  }
}

TEST_CASE("fish and zsh under a generic shell tag: the tag is right, the syntax unchecked (RB008), as ShellCheck refuses them") {
  auto fish = test::lint(block("shell", "for f in *.log; echo $f; end\n"));
  CHECK(positions(fish, "RB001") == none);
  CHECK(positions(fish, "RB401") == none);
  CHECK(positions(fish, "RB008") == list({"3:1"}));
  CHECK(test::with_code(fish, "RB008").front().message.find("fish") != std::string::npos);
  // What bash reads without complaint is checked as usual: no note.
  auto parses = test::lint(block("console", "set -x VAULT_ADDR https://vault.example.com\n"));
  CHECK(positions(parses, "RB008") == none);
  CHECK(positions(parses, "RB401") == none);
}

TEST_CASE("PowerShell under any shell tag: RB401 says PowerShell") {
  for (std::string tag : {"bash", "sh", "shell", "console"}) {
    CAPTURE(tag);
    auto r = test::lint(block(tag, "Get-Service | Where-Object {$_.Status -eq 'Running'}\n"));
    CHECK(positions(r, "RB001") == none);
    CHECK(positions(r, "RB401") == list({"3:1"}));
  }
  auto env = test::lint(block("bash", "$env:PATH = \"C:\\tools;\" + $env:PATH\nWrite-Host \"done\"\n"));
  CHECK(positions(env, "RB401") == list({"3:1"}));
  CHECK(env.runbook.steps[0].facts.mistagged_as == "PowerShell");
  CHECK(help_of(env, "RB401").find("```powershell```") != std::string::npos);
}

TEST_CASE("bash that looks a little like the others stays bash") {
  auto r = test::lint(block("bash",
                            "set -x\n"
                            "set -euo pipefail\n"
                            "for f in *.log; do echo \"$f\"; done\n"
                            "if [ -f /etc/app.conf ]; then echo ok; fi\n"
                            "curl -H \"X-Request-Id: 1\" https://api.example.com\n"
                            "psql -c \"SELECT count(*) FROM users\"\n"
                            "ruby -e 'if true then puts 1 end'\n"
                            "echo done > /tmp/state\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB401") == none);
  CHECK(positions(r, "RB008") == none);
}
