// The catalog's bookkeeping: rule files named after their rules, trigger
// declarations the engine can index, codes never reused, docs free of
// scaffold placeholders.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "linter/rule.h"
#include "linter/rule_codes.h"
#include "test_support.h"

using namespace rbc;

namespace {

/// "rb201_rm_recursive_system_path.cc" for RB201 rm-recursive-system-path.
std::string expected_file_name(const Rule& rule) {
  std::string out(rule.code);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out += "_";
  for (char c : rule.name) out += c == '-' ? '_' : c;
  return out + ".cc";
}

std::string golden_messages() {
  std::ifstream in(std::string(RUNBOOKC_SOURCE_DIR) + "/tests/golden/rule_messages.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Fact>
void check_trigger(const Trigger<Fact>& trigger) {
  CHECK(trigger.names.empty() == (trigger.check == nullptr));
  for (size_t i = 0; i < trigger.names.size(); ++i) {
    std::string_view name = trigger.names[i];
    INFO(name);
    CHECK(!name.empty());
    for (size_t j = 0; j < trigger.names.size(); ++j) {
      if (i == j) continue;
      CHECK(name != trigger.names[j]);
      // A prefix ("mkfs.*") must not also cover another name of the rule: the rule would run twice.
      if (name.size() > 1 && name.ends_with('*')) CHECK(!trigger.names[j].starts_with(name.substr(0, name.size() - 1)));
    }
  }
}

}  // namespace

TEST_CASE("rule files are named rbNNN_<name with _>.cc after the rule they register") {
  std::set<std::string> registered;
  for (const Rule& rule : all_rules()) {
    INFO(rule.code << " " << rule.name);
    std::string file = std::filesystem::path(rule.source_file).filename().string();
    CHECK(file == expected_file_name(rule));
    registered.insert(file);
  }
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RUNBOOKC_SOURCE_DIR) + "/linter/rules"))
    on_disk.insert(entry.path().filename().string());
  CHECK(on_disk == registered);
  CHECK(registered.count("rb206_chmod_recursive_world_writable.cc") == 1);
}

TEST_CASE("trigger declarations: names given with a check, none twice, no prefix covering another") {
  for (const Rule& rule : all_rules()) {
    INFO(rule.code);
    check_trigger(rule.on_command);
    check_trigger(rule.on_statement);
    check_trigger(rule.on_redis);
    if (rule.applies_to) CHECK((rule.on_command.check || rule.on_statement.check || rule.on_redis.check));
  }
  const Rule* update = find_rule("RB220");
  REQUIRE(update != nullptr);
  CHECK(update->on_statement.names == std::vector<std::string_view>{"UpdateStmt"});
  CHECK(!update->check);
}

TEST_CASE("no rule keeps the scaffold's TODO(new-rule) placeholders") {
  for (const Rule& rule : all_rules()) {
    INFO(rule.code);
    for (std::string_view text : {rule.summary, rule.what, rule.why, rule.instead, rule.bad.markdown, rule.good.markdown})
      CHECK(text.find("TODO(new-rule)") == std::string_view::npos);
  }
}

TEST_CASE("code ledger: a retired code reused, or an issued code gone unretired, is a problem") {
  const RetiredRule retired[] = {{"RB299", "old-rule", "merged into RB298"}};
  CHECK(code_ledger_problems({"RB201", "RB298"}, retired, {"RB201", "RB298", "RB299"}).empty());
  CHECK(code_ledger_problems({"RB201", "RB299"}, retired, {"RB201", "RB299"}) ==
        std::vector<std::string>{"RB299 is retired (it was old-rule): codes are never reused; give the rule a new code"});
  CHECK(code_ledger_problems({"RB201"}, retired, {"RB201", "RB202"}) ==
        std::vector<std::string>{"RB202 left the catalog without being retired: list it in linter/rule_codes.cc, or "
                                 "restore the rule"});
}

TEST_CASE("the catalog, the retired codes and the issued codes (message snapshot) agree") {
  std::string golden = golden_messages();
  REQUIRE(!golden.empty());
  std::vector<std::string> issued;
  std::istringstream in(golden);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("RB") && line.size() > 6 && line[5] == ' ') issued.push_back(line.substr(0, 5));
  std::vector<std::string_view> current, issued_views(issued.begin(), issued.end());
  for (const Rule& rule : all_rules()) current.push_back(rule.code);
  CHECK(issued.size() == current.size());
  CHECK(golden.find("TODO(new-rule)") == std::string::npos);  // a scaffolded rule's messages not yet written
  CHECK(code_ledger_problems(current, retired_rules(), issued_views) == std::vector<std::string>{});
  for (const RetiredRule& r : retired_rules()) CHECK(find_rule(r.code) == nullptr);
}
