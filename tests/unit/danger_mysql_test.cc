// The SQL danger rules over MySQL statements, read by the MySQL dialect from
// tree-sitter-sql's parse tree: mysql blocks, `mysql -e` arguments and sql
// blocks written in MySQL's spelling. Where a statement means the same as in
// PostgreSQL the same rule fires at the statement; PostgreSQL-only facts
// (CONCURRENTLY, CASCADE) are never claimed of MySQL.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace rbc;
using rbc::test::block;
using rbc::test::lint;
using rbc::test::list;
using rbc::test::none;
using rbc::test::positions;
using rbc::test::with_code;

TEST_CASE("a mysql block: UPDATE and DELETE without WHERE, DROP TABLE; WHERE present stays quiet") {
  auto r = lint(block("mysql",
                      "UPDATE users SET active = 0;\n"
                      "UPDATE users SET active = 0 WHERE 1;\n"
                      "UPDATE users SET active = 0 WHERE id = 42;\n"
                      "  DELETE FROM `sessions`;\n"
                      "DELETE FROM sessions WHERE user_id = 42;\n"
                      "DROP TABLE IF EXISTS `shop`.`orders_archive`;\n"
                      "SELECT * FROM users;\n"));
  CHECK(positions(r, "RB220") == list({"4:1", "5:1"}));
  CHECK(positions(r, "RB221") == list({"7:3"}));
  CHECK(positions(r, "RB223") == list({"9:1"}));
  REQUIRE(with_code(r, "RB221").size() == 1);
  CHECK(with_code(r, "RB221")[0].message == "DELETE without WHERE removes every row of sessions; only a backup brings them back");
  CHECK(with_code(r, "RB221")[0].end.column == 25);
  CHECK(with_code(r, "RB220")[1].message.rfind("UPDATE with an always-true WHERE", 0) == 0);
  CHECK(with_code(r, "RB223")[0].message.find("deletes orders_archive with all its rows;") != std::string::npos);
  CHECK(positions(r, "RB003") == none);
}

TEST_CASE("mysql -e and --execute: the SQL argument fires at its statement") {
  auto r = lint("# Fix\n\n```bash\n"
                "mysql -u app -p\"$PW\" app -e \"DELETE FROM jobs\"\n"
                "mysql app --execute='UPDATE users SET plan = 0'\n"
                "kubectl exec -it db-0 -- mysql app -e 'DROP TABLE tmp_import'\n"
                "mysql app -e \"DELETE FROM jobs WHERE id = 1\"\n"
                "mariadb app -e \"UPDATE users SET plan = 0 WHERE id = 7\"\n"
                "```\n");
  CHECK(positions(r, "RB221") == list({"4:30"}));
  CHECK(positions(r, "RB220") == list({"5:22"}));
  CHECK(positions(r, "RB223") == list({"6:40"}));
}

TEST_CASE("an sql block in MySQL's spelling (backticks) goes to the MySQL dialect and its facts") {
  auto r = lint(test::sql("DELETE FROM `audit_log`;\nDELETE FROM `audit_log` WHERE created_at < '2020-01-01';\n"));
  CHECK(positions(r, "RB221") == list({"4:1"}));
  CHECK(positions(r, "RB002") == none);
}

TEST_CASE("rows bounded without WHERE: LIMIT, an inner join; a LEFT JOIN bounds nothing") {
  auto r = lint(block("mysql",
                      "DELETE FROM jobs LIMIT 1000;\n"
                      "UPDATE orders JOIN refunds ON orders.id = refunds.order_id SET orders.state = 'refunded';\n"
                      "UPDATE orders LEFT JOIN refunds ON orders.id = refunds.order_id SET orders.flag = 1;\n"));
  CHECK(positions(r, "RB221") == none);
  CHECK(positions(r, "RB220") == list({"6:1"}));
}

TEST_CASE("a statement with an error in or beside it gives no facts: its WHERE may be in the error") {
  auto r = lint(block("mysql",
                      "UPDATE users SET a = 1 WHERE id = 2 ORDER BY id LIMIT 5;\n"
                      "UPDATE users SET a = 1 ORDER BY id LIMIT 5;\n"
                      "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id;\n"
                      "DELETE FROM users;\n"));
  CHECK(positions(r, "RB220") == none);
  CHECK(positions(r, "RB221") == list({"7:1"}));  // the statements around an error still stand
}

TEST_CASE("PostgreSQL-only facts are not claimed of MySQL") {
  auto r = lint(block("mysql",
                      "CREATE INDEX idx_state ON orders (state);\n"
                      "DROP INDEX idx_state ON orders;\n"
                      "DROP TABLE orders_old CASCADE;\n"
                      "TRUNCATE TABLE sessions;\n"
                      "ALTER TABLE orders DROP COLUMN legacy_flag;\n"));
  CHECK(positions(r, "RB230") == none);  // no CONCURRENTLY in MySQL
  CHECK(positions(r, "RB231") == none);
  CHECK(positions(r, "RB228") == none);  // CASCADE does nothing in MySQL
  REQUIRE(with_code(r, "RB223").size() == 1);
  CHECK(with_code(r, "RB223")[0].message.find("CASCADE") == std::string::npos);
  CHECK(positions(r, "RB222") == list({"7:1"}));
  CHECK(with_code(r, "RB222")[0].message.find("ACCESS EXCLUSIVE") == std::string::npos);
  CHECK(positions(r, "RB229") == list({"8:1"}));
}

TEST_CASE("MySQL tables created in the same block are exempt; IF NOT EXISTS is not") {
  auto r = lint(block("mysql",
                      "CREATE TEMPORARY TABLE ids (id int);\n"
                      "DELETE FROM ids;\n"
                      "CREATE TABLE IF NOT EXISTS scratch (id int);\n"
                      "DELETE FROM scratch;\n"));
  CHECK(positions(r, "RB221") == list({"7:1"}));
}

TEST_CASE("a MySQL transaction: statements inside are still checked, a closed one is not reported") {
  auto r = lint(block("mysql", "BEGIN;\nDELETE FROM carts;\nCOMMIT;\n"));
  CHECK(positions(r, "RB221") == list({"5:1"}));
  CHECK(positions(r, "RB241") == none);
  REQUIRE(r.runbook.steps[0].facts.statements.size() == 3);
  CHECK(r.runbook.steps[0].facts.statements[1].in_transaction);
}
