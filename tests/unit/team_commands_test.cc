// `.runbookc.yaml` commands: a team's aliases, wrappers and dangerous
// commands reach the effect rules; configuration errors name their line.
#include <doctest/doctest.h>

#include "linter/config.h"
#include "linter/driver.h"
#include "test_support.h"

using namespace rbc;
using namespace rbc::test;

namespace {

std::shared_ptr<const Config> config_from(const std::string& yaml) {
  std::string error;
  std::optional<Config> config = parse_config(yaml, "/repo/.runbookc.yaml", error);
  INFO(error);
  REQUIRE(config);
  return std::make_shared<const Config>(std::move(*config));
}

const char* kTeamConfig =
    "commands:\n"
    "  aliases:\n"
    "    kc: kubectl\n"
    "    kdel: kubectl delete\n"
    "  wrappers: [with-role]\n"
    "  dangerous:\n"
    "    - command: deployctl release purge\n"
    "      effect: destroys-data\n"
    "      does: deletes every cached release of the service\n"
    "    - {command: pagerctl silence-all, effect: disrupts}\n";

}  // namespace

TEST_CASE("aliases, wrappers and the team's dangerous commands reach the effect rules") {
  auto config = config_from(kTeamConfig);
  FileResult r = lint_bytes("t.md",
                            bash("kc delete pvc data-0 -n db\n"
                                 "kdel pvc data-1 -n db\n"
                                 "with-role prod-admin deployctl release purge api\n"
                                 "deployctl release list\n"
                                 "pagerctl silence-all --for 2h\n"
                                 "with-role prod-admin kubectl get pods\n"),
                            config);
  CHECK(positions(r, "RB275") == list({"4:11", "5:6"}));
  CHECK(positions(r, "RB295") == list({"6:22"}));
  CHECK(positions(r, "RB297") == list({"8:1"}));
  CHECK(positions(r, "RB299") == none);
  auto purge = with_code(r, "RB295");
  REQUIRE(purge.size() == 1);
  CHECK(purge[0].message ==
        "`deployctl release purge` deletes every cached release of the service (destroys-data: .runbookc.yaml:7)");
}

TEST_CASE("the well-known aliases k and tf reach every kubectl and terraform rule") {
  auto r = lint(bash("k delete ns payments\n"
                     "tf destroy -auto-approve\n"));
  CHECK(positions(r, "RB275") == list({"4:10"}));
  CHECK(positions(r, "RB270") == list({"5:4"}));
}

TEST_CASE("without the configuration the same commands are unknown") {
  auto r = lint(bash("kdel pvc data-1 -n db\n"
                     "with-role prod-admin deployctl release purge api\n"));
  CHECK(positions(r, "RB275") == none);
  CHECK(positions(r, "RB295") == none);
  CHECK(positions(r, "RB299") == none);
}

TEST_CASE("commands: errors name the line") {
  std::string error;
  CHECK_FALSE(parse_config("commands:\n  dangerous:\n    - command: x y\n      effect: deadly\n", "c.yaml", error));
  CHECK(error.starts_with("c.yaml:3: each `commands.dangerous` entry needs a command and an effect"));
  CHECK_FALSE(parse_config("commands:\n  aliasses: {}\n", "c.yaml", error));
  CHECK(error == "c.yaml:2: unknown key `commands.aliasses` (known: aliases, wrappers, dangerous)");
  CHECK_FALSE(parse_config("commands:\n  aliases:\n    tf: ''\n", "c.yaml", error));
  CHECK(error.starts_with("c.yaml:3: alias `tf` must stand for a command"));
}
