#pragma once
/// Rule codes are never reused. A rule taken out of the catalog keeps its
/// code here, retired, so no later rule can take it and old suppressions and
/// baselines never silently mean something else. The codes ever issued are
/// recorded by the message snapshot (tests/golden/rule_messages.txt, one entry
/// per rule): a code that leaves the catalog without being retired here fails
/// the snapshot's check (tools/gen_rule_messages).
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct RetiredRule {
  std::string_view code;    ///< "RB2nn"
  std::string_view name;    ///< the name it had
  std::string_view reason;  ///< why it left, and what replaces it if anything
};

/// Every retired code, in code order.
std::span<const RetiredRule> retired_rules();

/// What is wrong with a catalog of `current` codes, given the codes retired
/// and the codes `issued` so far (the snapshot's): a current code that is
/// retired (reused), or an issued one that is neither current nor retired
/// (gone without being retired). One line per problem; empty when sound.
std::vector<std::string> code_ledger_problems(const std::vector<std::string_view>& current,
                                              std::span<const RetiredRule> retired,
                                              const std::vector<std::string_view>& issued);

}  // namespace rbc
