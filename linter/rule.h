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

/// What a rule that reads one fact at a time is called for, like ShellCheck's
/// `CommandCheck (Basename "tr")`: the engine (linter/rule_set.h) calls `check`
/// only for the facts named, in document order, in the steps whose facts the
/// danger rules read (analysed shell, console, SQL and redis blocks, tagged or
/// recognised: rules::is_checked).
template <typename Fact>
struct Trigger {
  /// Command: basenames of argv[0] ("rm", "kubectl"). SqlStatement: parse-tree
  /// kinds ("UpdateStmt"). RedisCommand: upper-case command names ("FLUSHALL").
  /// A name ending in '*' stands for every name it begins ("mkfs.*"); "*"
  /// (kEveryName) alone, for every one.
  std::vector<std::string_view> names;
  void (*check)(const Runbook&, const Step&, const Fact&, Emitter&) = nullptr;
};

/// Stands for every name in a Trigger.
inline constexpr std::string_view kEveryName = "*";

struct Rule {
  std::string_view code;      ///< "RB201", never reused
  std::string_view name;      ///< kebab-case, describes the pattern
  Category category = Category::danger;
  Severity severity = Severity::warning;
  std::string_view summary;   ///< one line: SARIF shortDescription, `rules` listing
  std::string_view what;      ///< What it does
  std::string_view why;       ///< Why is this bad?
  std::string_view instead;   ///< Use instead
  /// What `lint --fix` does for this rule, "" when it has no fix; the rule's
  /// findings carry the edits (Diagnostic::fix).
  std::string_view fix;
  bool fix_safe = true;       ///< false: only with --unsafe-fixes
  RuleExample bad;
  RuleExample good;
  /// For rules that act only when configured: the .runbookc.yaml the examples assume.
  std::string_view example_config;
  /// Off unless the configuration gives it a severity (`rules: {RB409: note}`)
  /// or --select names it: for checks a team chooses, not every repository
  /// wants (example_config shows how to turn it on).
  bool opt_in = false;
  /// The checks: any of these. `check` sees the whole runbook, for rules that
  /// look across steps, at prose or at the file; the triggers see one fact.
  void (*check)(const Runbook&, Emitter&) = nullptr;
  Trigger<Command> on_command;
  Trigger<SqlStatement> on_statement;
  Trigger<RedisCommand> on_redis;
  /// When set, the triggers fire only in runbooks it accepts (asked once per
  /// runbook, when a trigger first matches): e.g. portability rules skip
  /// runbooks written for Linux servers.
  bool (*applies_to)(const Runbook&) = nullptr;
  /// Set instead of checks when a driver pass over the other rules' findings
  /// reports this rule (suppression-without-reason, unused-suppression).
  bool reported_by_pass = false;
  /// The file that registered the rule (set by register_rule): rule files are
  /// named after their rule, `rbNNN_<name with _>.cc`.
  std::string_view source_file;

  bool has_check() const { return check || on_command.check || on_statement.check || on_redis.check; }
};

/// Adds a rule to the catalog; call from a namespace-scope initializer in the rule's own file.
/// `file` is the caller's (__builtin_FILE: GCC and Clang 14 both have it;
/// Clang 14 has no std::source_location with libstdc++ 12).
bool register_rule(const Rule& rule, const char* file = __builtin_FILE());
/// Every rule, ordered by code.
const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view code_or_name);
/// A rule selector as the registry spells it: codes and code prefixes upper
/// case (rb3 -> RB3), names lower case, "all" -> ALL. Users may type either.
std::string canonical_rule_selector(std::string_view selector);

/// Collects the findings of one rule over one runbook, linted under `config`.
class Emitter {
 public:
  Emitter(const Runbook& runbook, const Config& config, std::vector<Diagnostic>& out)
      : runbook_(runbook), config_(config), out_(out) {}
  void set_rule(const Rule* rule) { rule_ = rule; }
  /// The configuration the runbook is linted under (required sections,
  /// secret names, review policy...).
  const Config& config() const { return config_; }

  /// A finding at a file span; the code block it begins in (if any) is worked
  /// out from the span. The finding is returned so the rule can attach a fix.
  Diagnostic& report(Span span, std::string message, std::string help = {});
  /// An edit of the runbook's file, with its line and column worked out.
  TextEdit edit(Span span, std::string replacement) const;
  /// A finding at bytes [begin, end) of a step's body.
  void report_in_step(const Step& step, uint32_t begin, uint32_t end, std::string message, std::string help = {});

 private:
  const Runbook& runbook_;
  const Config& config_;
  std::vector<Diagnostic>& out_;
  const Rule* rule_ = nullptr;
};

}  // namespace rbc
