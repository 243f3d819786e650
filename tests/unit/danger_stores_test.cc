// Danger rules over Redis, MongoDB and Elasticsearch (RB250-RB258).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::bash;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB250 redis-flush: any case, any wrapper; mentions are not commands") {
  auto r = lint(bash("redis-cli FLUSHALL\n"
                     "redis-cli -h cache -n 2 flushdb\n"
                     "kubectl exec -it redis-0 -- redis-cli FlushAll\n"
                     "echo \"never run FLUSHALL\"\n"
                     "grep FLUSHDB audit.log\n"
                     "# redis-cli FLUSHDB\n"
                     "redis-cli DBSIZE\n"));
  CHECK(positions(r, "RB250") == list({"4:11", "5:25", "6:39"}));
}

TEST_CASE("RB250 in redis blocks and redis-cli heredocs") {
  auto r = lint("# Flush\n\n```redis\n127.0.0.1:6379> FLUSHDB\n```\n\n```bash\nredis-cli <<EOF\nINFO\nFLUSHALL\nEOF\n```\n");
  CHECK(positions(r, "RB250") == list({"4:17", "10:1"}));
}

TEST_CASE("RB251-RB255 blocking and administrative Redis commands; routine CONFIG SET is quiet") {
  auto r = lint(bash("redis-cli KEYS '*'\n"
                     "redis-cli --scan --pattern 'user:*'\n"
                     "redis-cli CONFIG SET maxmemory 1gb\n"
                     "redis-cli CONFIG GET maxmemory\n"
                     "redis-cli CONFIG SET timeout 300\n"
                     "redis-cli DEBUG SLEEP 10\n"
                     "redis-cli DEBUG OBJECT k\n"
                     "redis-cli SHUTDOWN\n"
                     "redis-cli CLIENT KILL ID 42\n"
                     "redis-cli CLIENT LIST\n"));
  CHECK(positions(r, "RB251") == list({"4:11"}));
  CHECK(positions(r, "RB252") == list({"6:11"}));
  CHECK(positions(r, "RB253") == list({"9:11"}));
  CHECK(positions(r, "RB254") == list({"11:11"}));
  CHECK(positions(r, "RB255") == list({"12:11"}));
}

TEST_CASE("RB256 redis-bulk-delete through xargs") {
  auto r = lint(bash("redis-cli --scan --pattern 'tmp:*' | xargs redis-cli del\n"
                     "redis-cli --scan --pattern 'tmp:*' | xargs -n 1 redis-cli TTL\n"
                     "redis-cli DEL tmp:1\n"));
  CHECK(positions(r, "RB256") == list({"4:54"}));
}

TEST_CASE("RB257 mongo-drop: --eval scripts and mongo blocks, not comments or filtered deletes") {
  auto r = lint(bash("mongosh app --eval \"db.dropDatabase()\"\n"
                     "mongo app --eval 'db.users.deleteMany({})'\n"
                     "mongosh app --eval 'db.users.deleteMany({stale: true})'\n") +
                "\n```js\n// db.users.drop()\ndb.users.countDocuments({})\ndb.events.drop()\n```\n");
  CHECK(positions(r, "RB257") == list({"4:24", "5:28", "12:11"}));
}

TEST_CASE("RB258 elasticsearch-delete-index: indices, _all and wildcards only") {
  auto r = lint(bash("curl -X DELETE http://localhost:9200/logs-2024.01\n"
                     "curl -XDELETE 'https://es.internal:9200/_all'\n"
                     "curl --request DELETE \"$ES_HOST/metrics-*\"\n"
                     "curl -X DELETE http://localhost:9200/logs/_doc/42\n"
                     "curl -X DELETE http://alertmanager:9093/api/v2/silence/abc\n"
                     "curl http://localhost:9200/_cat/indices\n"));
  CHECK(positions(r, "RB258") == list({"4:16", "5:15", "6:23"}));
}
