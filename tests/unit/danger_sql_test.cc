// Danger rules over PostgreSQL statements (RB220-RB245): findings start at
// the statement, in sql blocks and in SQL passed to psql; look-alikes stay quiet.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::positions;

using rbc::test::sql;
using rbc::test::none;
using rbc::test::Positions;

TEST_CASE("RB220 update-without-where and RB221 delete-without-where") {
  auto r = lint(sql("UPDATE users SET active = false;\n"
                    "UPDATE users SET active = false WHERE true;\n"
                    "UPDATE users SET active = false WHERE 1 = 1;\n"
                    "UPDATE users SET active = false WHERE id = 42;\n"
                    "DELETE FROM sessions;\n"
                    "DELETE FROM sessions WHERE user_id = 42;\n"
                    "SELECT * FROM users;\n"));
  CHECK(positions(r, "RB220") == list({"4:1", "5:1", "6:1"}));
  CHECK(positions(r, "RB221") == list({"8:1"}));
}

TEST_CASE("RB220 inside psql -c, kubectl exec and untagged shell; comments and echo are not SQL") {
  auto r = lint("# Fix\n\n```bash\n"
                "psql \"$DATABASE_URL\" -c \"UPDATE users SET plan = 'free'\"\n"
                "kubectl exec -it db-0 -- psql -U app -c 'DELETE FROM jobs'\n"
                "echo \"UPDATE users SET plan = 'free'\"\n"
                "# psql -c 'DELETE FROM jobs'\n"
                "```\n");
  CHECK(positions(r, "RB220") == list({"4:26"}));
  CHECK(positions(r, "RB221") == list({"5:42"}));
}

TEST_CASE("tables created in the same block are exempt") {
  auto r = lint(sql("CREATE TEMP TABLE ids (id int);\nDELETE FROM ids;\nUPDATE ids SET id = 1;\nTRUNCATE ids;\n"
                    "CREATE INDEX ids_idx ON ids (id);\nDROP TABLE ids;\n"));
  for (const char* code : {"RB220", "RB221", "RB222", "RB223", "RB230"}) CHECK(positions(r, code) == none);
}

TEST_CASE("CREATE TABLE IF NOT EXISTS may keep an old, filled table: no exemption") {
  auto r = lint(sql("CREATE TABLE IF NOT EXISTS staging (LIKE orders);\nTRUNCATE staging;\n"));
  CHECK(positions(r, "RB222") == list({"5:1"}));
}

TEST_CASE("RB222-RB228 truncate and drops") {
  auto r = lint(sql("TRUNCATE orders CASCADE;\n"
                    "DROP TABLE orders;\n"
                    "DROP DATABASE app;\n"
                    "DROP SCHEMA app CASCADE;\n"
                    "DROP OWNED BY app;\n"
                    "DROP ROLE app;\n"
                    "DROP TYPE mood CASCADE;\n"
                    "DROP VIEW v;\n"));
  CHECK(positions(r, "RB222") == list({"4:1"}));
  CHECK(positions(r, "RB223") == list({"5:1"}));
  CHECK(positions(r, "RB224") == list({"6:1"}));
  CHECK(positions(r, "RB225") == list({"7:1"}));
  CHECK(positions(r, "RB226") == list({"8:1"}));
  CHECK(positions(r, "RB227") == list({"9:1"}));
  CHECK(positions(r, "RB228") == list({"10:1"}));  // tables and schemas are not reported twice
}

TEST_CASE("RB224 dropdb command; RB245 pg_restore --clean but not -Fc") {
  auto r = lint("# Restore\n\n```bash\ndropdb app\npg_restore -cv -d app x.dump\npg_restore -Fc -d app x.dump\n"
                "createdb app\n```\n");
  CHECK(positions(r, "RB224") == list({"4:1"}));
  CHECK(positions(r, "RB245") == list({"5:12"}));
}

TEST_CASE("RB229-RB238 locking DDL and maintenance") {
  auto r = lint(sql("ALTER TABLE users DROP COLUMN token;\n"
                    "CREATE INDEX i1 ON users (email);\n"
                    "CREATE INDEX CONCURRENTLY i2 ON users (email);\n"
                    "DROP INDEX i1;\n"
                    "DROP INDEX CONCURRENTLY i2;\n"
                    "REINDEX INDEX i3;\n"
                    "REINDEX INDEX CONCURRENTLY i3;\n"
                    "ALTER TABLE users ALTER COLUMN id TYPE bigint;\n"
                    "ALTER TABLE users ADD CONSTRAINT c1 CHECK (id > 0);\n"
                    "ALTER TABLE users ADD CONSTRAINT c2 CHECK (id > 0) NOT VALID;\n"
                    "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                    "VACUUM FULL users;\n"
                    "VACUUM ANALYZE users;\n"
                    "CLUSTER users;\n"));
  CHECK(positions(r, "RB229") == list({"4:1"}));
  CHECK(positions(r, "RB230") == list({"5:1"}));
  CHECK(positions(r, "RB231") == list({"7:1"}));
  CHECK(positions(r, "RB232") == list({"9:1"}));
  CHECK(positions(r, "RB234") == list({"11:1"}));
  CHECK(positions(r, "RB235") == list({"12:1"}));
  CHECK(positions(r, "RB236") == list({"14:1"}));
  CHECK(positions(r, "RB237") == list({"15:1"}));
  CHECK(positions(r, "RB238") == list({"17:1"}));
}

TEST_CASE("RB233 concurrently-in-transaction; RB241 transaction-left-open") {
  auto r = lint(sql("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (c);\nCOMMIT;\nCREATE INDEX CONCURRENTLY j ON t (c);\n"
                    "BEGIN;\nUPDATE t SET c = 1 WHERE id = 2;\n"));
  CHECK(positions(r, "RB233") == list({"5:1"}));
  CHECK(positions(r, "RB241") == list({"8:1"}));
  // Committed in a later block: the reader is told how to finish.
  CHECK(positions(lint(sql("BEGIN;\nUPDATE t SET c = 1 WHERE id = 2;\n") + "\n```sql\nCOMMIT;\n```\n"), "RB241") == none);
}

TEST_CASE("RB239/RB240 backend kills over pg_stat_activity") {
  auto r = lint(sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle';\n"
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND pid <> pg_backend_pid();\n"
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'batch';\n"
                    "SELECT pg_terminate_backend(4242);\n"
                    "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE now() - query_start > interval '5 min';\n"
                    "SELECT pid, query FROM pg_stat_activity WHERE state = 'active';\n"));
  CHECK(positions(r, "RB239") == list({"4:1"}));
  CHECK(positions(r, "RB240") == list({"8:1"}));
}

TEST_CASE("RB242-RB244 server and trigger settings") {
  auto r = lint(sql("ALTER SYSTEM SET work_mem = '64MB';\n"
                    "SET session_replication_role = replica;\n"
                    "SET session_replication_role = DEFAULT;\n"
                    "ALTER TABLE t DISABLE TRIGGER ALL;\n"
                    "ALTER TABLE t ENABLE TRIGGER ALL;\n"
                    "SHOW work_mem;\n"));
  CHECK(positions(r, "RB242") == list({"4:1"}));
  CHECK(positions(r, "RB243") == list({"5:1"}));
  CHECK(positions(r, "RB244") == list({"7:1"}));
}

TEST_CASE("RB242 ALTER SYSTEM RESET undoes a change and is not reported") {
  auto r = lint(sql("ALTER SYSTEM RESET work_mem;\n"
                    "ALTER SYSTEM RESET ALL;\n"
                    "ALTER SYSTEM SET work_mem TO DEFAULT;\n"
                    "ALTER SYSTEM SET work_mem = '1MB';\n"));
  CHECK(positions(r, "RB242") == list({"7:1"}));
}
