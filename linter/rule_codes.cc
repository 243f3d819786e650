#include "linter/rule_codes.h"

#include <algorithm>
#include <array>

namespace rbc {
namespace {

// Add a line when a rule leaves the catalog, e.g.
//   {"RB2nn", "old-rule-name", "merged into RB2mm new-rule-name"},
constexpr std::array<RetiredRule, 0> kRetired = {};

bool holds(const std::vector<std::string_view>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

std::span<const RetiredRule> retired_rules() { return kRetired; }

std::vector<std::string> code_ledger_problems(const std::vector<std::string_view>& current,
                                              std::span<const RetiredRule> retired,
                                              const std::vector<std::string_view>& issued) {
  std::vector<std::string> out;
  auto is_retired = [&](std::string_view code) {
    return std::any_of(retired.begin(), retired.end(), [&](const RetiredRule& r) { return r.code == code; });
  };
  for (const RetiredRule& r : retired)
    if (holds(current, r.code))
      out.push_back(std::string(r.code) + " is retired (it was " + std::string(r.name) +
                    "): codes are never reused; give the rule a new code");
  for (std::string_view code : issued)
    if (!holds(current, code) && !is_retired(code))
      out.push_back(std::string(code) + " left the catalog without being retired: list it in linter/rule_codes.cc, "
                    "or restore the rule");
  return out;
}

}  // namespace rbc
