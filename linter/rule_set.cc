#include "linter/rule_set.h"

#include "linter/rule_helpers.h"

namespace rbc {
namespace {

template <typename Fact, typename Index>
void add(Index& index, const Rule* rule, const Trigger<Fact>& trigger) {
  if (!trigger.check) return;
  for (std::string_view name : trigger.names) {
    if (name == kEveryName) index.every.push_back(rule);
    else if (name.ends_with('*')) index.by_prefix.emplace_back(name.substr(0, name.size() - 1), rule);
    else index.by_name[name].push_back(rule);
  }
}

/// Hands facts to the rules that declared them, asking each rule's
/// `applies_to` at most once per runbook.
class Dispatch {
 public:
  Dispatch(const Runbook& runbook, Emitter& emit) : runbook_(runbook), emit_(emit) {}

  template <typename Fact>
  void call(const Rule* rule, const Trigger<Fact> Rule::*trigger, const Step& step, const Fact& fact) {
    if (!applies(rule)) return;
    emit_.set_rule(rule);
    (rule->*trigger).check(runbook_, step, fact, emit_);
  }

 private:
  bool applies(const Rule* rule) {
    if (!rule->applies_to) return true;
    auto [it, first] = answers_.try_emplace(rule, false);
    if (first) it->second = rule->applies_to(runbook_);
    return it->second;
  }

  const Runbook& runbook_;
  Emitter& emit_;
  std::unordered_map<const Rule*, bool> answers_;
};

}  // namespace

RuleSet::RuleSet(std::vector<const Rule*> rules) {
  for (const Rule* rule : rules) {
    if (rule->check) whole_runbook_.push_back(rule);
    add(commands_, rule, rule->on_command);
    add(statements_, rule, rule->on_statement);
    add(redis_, rule, rule->on_redis);
  }
}

void RuleSet::run(const Runbook& runbook, const Config& config, std::vector<Diagnostic>& out) const {
  Emitter emit(runbook, config, out);
  for (const Rule* rule : whole_runbook_) {
    emit.set_rule(rule);
    rule->check(runbook, emit);
  }
  if (commands_.empty() && statements_.empty() && redis_.empty()) return;
  Dispatch dispatch(runbook, emit);
  auto each = [&](const Index& index, std::string_view name, auto trigger, const Step& step, const auto& fact) {
    if (auto it = index.by_name.find(name); it != index.by_name.end())
      for (const Rule* rule : it->second) dispatch.call(rule, trigger, step, fact);
    for (const auto& [prefix, rule] : index.by_prefix)
      if (name.starts_with(prefix)) dispatch.call(rule, trigger, step, fact);
    for (const Rule* rule : index.every) dispatch.call(rule, trigger, step, fact);
  };
  auto each_step = [&](const Step& step) {
    if (!rules::is_checked(step)) return;
    if (!commands_.empty())
      for (const Command& cmd : step.facts.commands)
        if (!cmd.argv.empty()) each(commands_, rules::program(cmd), &Rule::on_command, step, cmd);
    if (!statements_.empty())
      for (const SqlStatement& st : step.facts.statements) each(statements_, st.kind, &Rule::on_statement, step, st);
    if (!redis_.empty())
      for (const RedisCommand& rc : step.facts.redis) each(redis_, rc.name, &Rule::on_redis, step, rc);
  };
  for (const Step& step : runbook.steps) each_step(step);
  for (const Step& step : runbook.inline_steps) each_step(step);  // commands in code spans
}

}  // namespace rbc
