#pragma once
/// A rule: one file under linter/rules/ holds its code, name, documentation
/// and check, and registers itself. The documentation is the single source of
/// `runbookc rules`, `runbookc explain`, SARIF rule metadata and the site.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"

namespace rbc {

class Emitter;
struct Config;

/// A documented example: a small runbook. A bad example must produce the
/// rule's finding at (line, column); a good one must produce none.
struct RuleExample {
  std::string_view markdown;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Rule {
  std::string_view code;      ///< "RB201", never reused
  std::string_view name;      ///< kebab-case, describes the pattern
  Category category = Category::danger;
  Severity severity = Severity::warning;
  std::string_view summary;   ///< one line: SARIF shortDescription, `rules` listing
  std::string_view what;      ///< What it does
  std::string_view why;       ///< Why is this bad?
  std::string_view instead;   ///< Use instead
  RuleExample bad;
  RuleExample good;
  /// For rules that act only when configured: the .runbookc.yaml the examples assume.
  std::string_view example_config;
  void (*check)(const Runbook&, Emitter&) = nullptr;
  /// Set instead of `check` when a driver pass over the other rules' findings
  /// reports this rule (suppression-without-reason, unused-suppression).
  bool reported_by_pass = false;
};

/// Adds a rule to the catalog; call from a namespace-scope initializer.
bool register_rule(const Rule& rule);
/// Every rule, ordered by code.
const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view code_or_name);

/// Collects the findings of one rule over one runbook, linted under `config`.
class Emitter {
 public:
  Emitter(const Runbook& runbook, const Config& config, std::vector<Diagnostic>& out)
      : runbook_(runbook), config_(config), out_(out) {}
  void set_rule(const Rule* rule) { rule_ = rule; }
  /// The configuration the runbook is linted under (required sections,
  /// secret names, review policy...).
  const Config& config() const { return config_; }

  /// A finding at a file span. `step` is the code block it is in, if any.
  void report(Span span, std::string message, std::string help = {}, int step = -1);
  /// A finding at bytes [begin, end) of a step's body.
  void report_in_step(const Step& step, uint32_t begin, uint32_t end, std::string message, std::string help = {});

 private:
  const Runbook& runbook_;
  const Config& config_;
  std::vector<Diagnostic>& out_;
  const Rule* rule_ = nullptr;
};

/// Runs `rules` over an analysed runbook; findings are appended unsorted.
void run_rules(const Runbook& runbook, const Config& config, const std::vector<const Rule*>& rules,
               std::vector<Diagnostic>& out);

}  // namespace rbc
