#pragma once
/// The rules one configuration enables, indexed by what they trigger on, and
/// the engine that runs them over a runbook: whole-runbook checks once, and
/// each command, SQL statement and redis command handed only to the rules
/// that declared it (Rule::on_command, on_statement, on_redis).
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linter/rule.h"

namespace rbc {

class RuleSet {
 public:
  explicit RuleSet(std::vector<const Rule*> rules);

  /// Runs the rules over an analysed runbook; findings are appended unsorted.
  void run(const Runbook& runbook, const Config& config, std::vector<Diagnostic>& out) const;

 private:
  /// Rules by the names they trigger on.
  struct Index {
    std::unordered_map<std::string_view, std::vector<const Rule*>> by_name;
    std::vector<std::pair<std::string_view, const Rule*>> by_prefix;  ///< "mkfs.*" as {"mkfs.", rule}
    std::vector<const Rule*> every;                                    ///< declared "*"
    bool empty() const { return by_name.empty() && by_prefix.empty() && every.empty(); }
  };

  std::vector<const Rule*> whole_runbook_;
  Index commands_, statements_, redis_;
};

}  // namespace rbc
