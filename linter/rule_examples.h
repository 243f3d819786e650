#pragma once
/// A rule's documented examples, linted the way the catalog test
/// (tests/unit/rule_examples_test.cc) and the message snapshot
/// (tools/gen_rule_messages) run them: under the configuration the examples
/// assume (Rule::example_config), as a file named "example.md", and as of a
/// fixed day (examples_today()), so that their findings (RB406's days overdue)
/// do not change with the calendar.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/config.h"
#include "linter/diagnostic.h"
#include "linter/rule.h"

namespace rbc {

/// The day examples are judged on.
Date examples_today();

/// The configuration `rule`'s examples assume; null with `error` set when its
/// example_config does not load.
std::shared_ptr<const Config> example_config(const Rule& rule, std::string& error);

/// The findings of `rule` itself (its code only) on `markdown`, in report order.
/// An alerting rule's example (RB7xx) is a rule file when it begins with
/// `groups:`, checked against the runbook runbooks/ExampleJobDown.md; else a
/// runbook, checked against a rule file defining ExampleJobDown; the site is
/// https://runbooks.example.com/ mapped to runbooks/ with `case: lower`.
std::vector<Diagnostic> example_findings(const Rule& rule, std::string_view markdown,
                                         std::shared_ptr<const Config> config);

}  // namespace rbc
