#include "linter/rule.h"

#include <algorithm>
#include <stdexcept>

#include "compiler/base/ascii.h"

namespace rbc {
namespace {

std::vector<Rule>& registry() {
  static std::vector<Rule> rules;
  return rules;
}

}  // namespace

bool register_rule(const Rule& rule, const char* file) {
  registry().push_back(rule);
  registry().back().source_file = file;
  return true;
}

const std::vector<Rule>& all_rules() {
  // Rules register during static initialization, before main. The first call
  // (a thread-safe static) freezes the catalog sorted by code, so worker
  // threads may call this concurrently.
  static const std::vector<Rule>& catalog = [] () -> const std::vector<Rule>& {
    std::vector<Rule>& rules = registry();
    std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.code < b.code; });
    for (size_t i = 1; i < rules.size(); ++i)
      if (rules[i].code == rules[i - 1].code || rules[i].name == rules[i - 1].name)
        throw std::logic_error("duplicate rule " + std::string(rules[i].code));
    return rules;
  }();
  return catalog;
}

std::string canonical_rule_selector(std::string_view selector) {
  std::string lower = ascii_lower(selector);
  if (lower == "all") return "ALL";
  bool code = lower.starts_with("rb") && (lower.size() == 2 || is_ascii_digit(lower[2]));
  return code ? ascii_upper(lower) : lower;
}

const Rule* find_rule(std::string_view code_or_name) {
  for (const Rule& rule : all_rules())  // as the registry spells it: every finding's own code
    if (rule.code == code_or_name || rule.name == code_or_name) return &rule;
  std::string wanted = canonical_rule_selector(code_or_name);
  if (wanted == code_or_name) return nullptr;
  for (const Rule& rule : all_rules())
    if (rule.code == wanted || rule.name == wanted) return &rule;
  return nullptr;
}

Diagnostic& Emitter::report(Span span, std::string message, std::string help) {
  const SourceFile& src = *runbook_.source;
  Diagnostic d;
  d.path = src.path();
  d.span = span;
  d.start = src.position(span.begin);
  d.end = src.position(std::max(span.end, span.begin));
  if (span.end <= span.begin) d.end.column = d.start.column + 1;
  d.severity = rule_->severity;
  d.code = rule_->code;
  d.rule = rule_->name;
  d.category = rule_->category;
  d.message = std::move(message);
  d.help = std::move(help);
  d.step = runbook_.step_at(span.begin);
  if (d.step < 0)
    for (const Step& code_span : runbook_.inline_steps)
      if (code_span.span.begin <= span.begin && span.begin < code_span.span.end) {
        d.message += " (in inline code)";
        break;
      }
  out_.push_back(std::move(d));
  return out_.back();
}

TextEdit Emitter::edit(Span span, std::string replacement) const {
  const SourceFile& src = *runbook_.source;
  return {span, std::move(replacement), src.position(span.begin), src.position(span.end)};
}

void Emitter::report_in_step(const Step& step, uint32_t begin, uint32_t end, std::string message, std::string help) {
  report(step.file_span(begin, end), std::move(message), std::move(help));
}

}  // namespace rbc
