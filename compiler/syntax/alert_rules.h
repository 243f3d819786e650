#pragma once
/// Prometheus alerting rule files, as Prometheus, Thanos and Mimir read them
/// (`groups: [{name, rules: [{alert, expr, annotations}]}]`) and as the
/// Prometheus Operator wraps them (`kind: PrometheusRule`, `spec.groups`),
/// several YAML documents to a file allowed. Recording rules are skipped.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

/// One alerting rule: where its `alert:` key is and what its annotations say.
struct AlertRule {
  std::string name;
  std::string group;
  uint32_t line = 0, column = 0;  ///< 1-based: the `alert` key
  /// Each annotation's value and the 1-based line and column of the value.
  struct Annotation {
    std::string value;
    uint32_t line = 0, column = 0;
  };
  std::map<std::string, Annotation> annotations;
};

struct AlertRuleFile {
  std::vector<AlertRule> alerts;
  uint32_t recording_rules = 0;
  /// Why the file could not be read as rules, "" when it was: a YAML error
  /// or no `groups` in any document. `error_line` is 1-based.
  std::string error;
  uint32_t error_line = 0, error_column = 0;
};

/// Reads the rule file's text; never throws.
AlertRuleFile read_alert_rules(std::string_view text);

}  // namespace rbc
