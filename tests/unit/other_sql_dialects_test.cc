// SQL dialects without a grammar here (BigQuery, ClickHouse, InfluxQL,
// SQLite): never a PostgreSQL syntax error; shared statements keep their
// facts; the dialects' own deletes are RB248; nested in their CLIs too.
#include <doctest/doctest.h>

#include "compiler/languages/other_sql_dialects.h"
#include "test_support.h"

using namespace rbc;
using namespace rbc::test;

TEST_CASE("each dialect is recognised by a mark of its own documentation") {
  CHECK(recognise_other_sql_dialect("SELECT * FROM `shop-prod.sales.orders` LIMIT 5") == "BigQuery");
  CHECK(recognise_other_sql_dialect("SELECT SAFE_CAST(x AS INT64) FROM t") == "BigQuery");
  CHECK(recognise_other_sql_dialect("SELECT * FROM system.mutations WHERE is_done = 0") == "ClickHouse");
  CHECK(recognise_other_sql_dialect("SELECT count() FROM hits FORMAT Vertical") == "ClickHouse");
  CHECK(recognise_other_sql_dialect("SHOW MEASUREMENTS ON telegraf") == "InfluxQL");
  CHECK(recognise_other_sql_dialect("SELECT mean(usage) FROM cpu WHERE time > now() - 1h") == "InfluxQL");
  CHECK(recognise_other_sql_dialect("PRAGMA integrity_check;") == "SQLite");
  CHECK(recognise_other_sql_dialect(".tables\n") == "SQLite");
  // PostgreSQL's own spellings are not marks of another dialect.
  CHECK(recognise_other_sql_dialect("EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1") == "");
  CHECK(recognise_other_sql_dialect("SELECT * FROM measurements WHERE series_id = 3") == "");
  CHECK(recognise_other_sql_dialect("SELECT * FROM `users`") == "");
}

TEST_CASE("sql blocks in another dialect: no RB002; shared statements and the dialect's deletes are seen") {
  auto r = lint(sql("SELECT day, COUNT(*) FROM `shop-prod.web.events` WHERE _PARTITIONDATE = CURRENT_DATE() GROUP BY 1;\n"
                    "DELETE FROM `shop-prod.web.events` WHERE true;\n") +
                sql("SELECT * FROM system.parts WHERE table = 'hits' FORMAT Vertical;\n"
                    "ALTER TABLE hits ON CLUSTER main DELETE WHERE event_date < '2020-01-01';\n"
                    "ALTER TABLE hits DROP PARTITION 202001;\n"
                    "TRUNCATE TABLE hits_buffer;\n"));
  CHECK(positions(r, "RB002") == none);
  CHECK(positions(r, "RB221") == list({"5:1"}));
  CHECK(positions(r, "RB248") == list({"11:1", "12:1"}));
  CHECK(positions(r, "RB222") == list({"13:1"}));
  auto truncate = with_code(r, "RB222");
  REQUIRE(truncate.size() == 1);
  CHECK(truncate[0].message.find("ACCESS EXCLUSIVE") == std::string::npos);  // PostgreSQL's lock, not ClickHouse's
}

TEST_CASE("InfluxQL in an sql block: DROP MEASUREMENT, DROP SERIES, DELETE; SHOW is quiet") {
  auto r = lint(sql("SHOW RETENTION POLICIES ON telegraf;\n"
                    "DROP MEASUREMENT cpu_old;\n"
                    "DROP SERIES FROM cpu WHERE host = 'web-1';\n"
                    "DELETE FROM cpu WHERE time < '2020-01-01';\n"));
  CHECK(positions(r, "RB002") == none);
  CHECK(positions(r, "RB248") == list({"5:1", "6:1", "7:1"}));
}

TEST_CASE("clickhouse-client --query, bq query, sqlite3 and influx -execute hand SQL of their dialect") {
  auto r = lint(bash("clickhouse-client --query \"ALTER TABLE hits DELETE WHERE user_id = 7\"\n"
                     "clickhouse-client -q 'DROP TABLE hits_tmp'\n"
                     "bq query --use_legacy_sql=false 'DELETE FROM `shop.web.events` WHERE true'\n"
                     "sqlite3 /srv/app/app.db \"DELETE FROM sessions\"\n"
                     "influx -database telegraf -execute 'DROP SERIES FROM cpu'\n"
                     "influx -database telegraf -execute 'SHOW SERIES'\n"
                     "bq rm -r -f -d shop:scratch\n"
                     "influx delete --bucket metrics --start 2020-01-01T00:00:00Z --stop 2021-01-01T00:00:00Z\n"));
  CHECK(positions(r, "RB001") == none);
  CHECK(positions(r, "RB248") == list({"4:28", "8:37"}));
  CHECK(positions(r, "RB223") == list({"5:23"}));
  CHECK(positions(r, "RB221") == list({"6:34", "7:26"}));
  CHECK(positions(r, "RB295") == list({"10:1", "11:1"}));
}

TEST_CASE("gitlab-rails dbconsole reads SQL; Prometheus' delete_series API; Redis#del in Ruby is the DEL command") {
  auto r = lint(bash("gitlab-rails dbconsole --database main <<SQL\n"
                     "DELETE FROM ci_builds;\n"
                     "SQL\n"
                     "curl -X POST -g 'http://prometheus:9090/api/v1/admin/tsdb/delete_series?match[]=up'\n"));
  CHECK(positions(r, "RB221") == list({"5:1"}));
  CHECK(positions(r, "RB295") == list({"7:1"}));
  auto series = with_code(r, "RB295");
  REQUIRE(series.size() == 1);
  CHECK(series[0].message.starts_with("`curl` deletes the matching series from Prometheus' storage"));
  auto ruby = lint(block("ruby", "Redis.new.del(\"cache:user:42\")\nRedis.new.flushdb\n"));
  CHECK(positions(ruby, "RB250") == list({"5:11"}));  // DEL of a named key is not reported, as with redis-cli
}
