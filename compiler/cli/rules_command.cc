#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/cli/commands.h"
#include "compiler/languages/command_effects.h"
#include "linter/rule.h"

namespace rbc {

Runner add_rules_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  app.add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return [format] {
    if (*format == "json") {
      nlohmann::ordered_json rules = nlohmann::ordered_json::array();
      for (const Rule& r : all_rules()) {
        rules.push_back({{"code", r.code},
                         {"name", r.name},
                         {"category", to_string(r.category)},
                         {"severity", to_string(r.severity)},
                         {"opt_in", r.opt_in},
                         {"summary", r.summary},
                         {"what", r.what},
                         {"why", r.why},
                         {"instead", r.instead},
                         {"bad_example", r.bad.markdown},
                         {"good_example", r.good.markdown}});
        if (!r.fix.empty()) rules.back()["fix"] = {{"safe", r.fix_safe}, {"what", r.fix}};
      }
      std::cout << rules.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      return 0;
    }
    for (const Rule& r : all_rules())
      std::cout << fmt::format("{}  {:<34} {:<11} {:<8} {}{}\n", r.code, r.name, to_string(r.category),
                               to_string(r.severity), r.opt_in ? "(opt-in) " : "", r.summary);
    return 0;
  };
}

namespace {

/// The command-effect table's entries this rule reports: those of its effect
/// class, or those that name it as the rule reporting them.
void print_effect_entries(std::string_view code) {
  std::optional<Effect> effect = effect_reported_by(code);
  std::string out;
  for (const EffectEntry& e : effect_table()) {
    bool reported = e.rule.empty() ? effect && e.effect == *effect : e.rule.find(code) != std::string_view::npos;
    if (!reported) continue;
    std::string shape = std::string(e.programs);
    if (!e.path.empty()) shape += " " + std::string(e.path);
    if (!e.flags.empty()) shape += " [" + std::string(e.flags) + "]";
    out += fmt::format("  {}\n      {}; {} ({})\n", shape, to_string(e.effect), e.does, e.source);
  }
  for (const RedisEffectEntry& e : redis_effect_table()) {
    bool reported = e.rule.empty() ? effect && e.effect == *effect : e.rule.find(code) != std::string_view::npos;
    if (!reported) continue;
    std::string shape = "redis " + std::string(e.command);
    if (!e.subcommand.empty()) shape += " " + std::string(e.subcommand);
    out += fmt::format("  {}\n      {}; {} ({})\n", shape, to_string(e.effect), e.does, e.source);
  }
  if (!out.empty()) std::cout << "\nCommands (from the command-effect table, compiler/languages/command_effect_table.cc)\n" << out;
}

}  // namespace

Runner add_explain_command(CLI::App& app) {
  auto code = std::make_shared<std::string>();
  app.add_option("rule", *code, "Rule code (RB001) or name (bash-syntax)")->type_name("RULE")->required();
  return [code] {
    const Rule* r = find_rule(*code);
    if (!r) {
      std::cerr << "runbookc: error: no rule named " << *code << "; `runbookc rules` lists them\n";
      return 2;
    }
    std::string severity = r->opt_in ? fmt::format("off by default, {} when turned on", to_string(r->severity))
                                     : fmt::format("{} by default", to_string(r->severity));
    std::cout << fmt::format("{} {} ({}, {})\n\n{}\n\nWhat it does\n  {}\n\nWhy is this bad?\n  {}\n\n"
                             "Example\n{}\nUse instead\n  {}\n{}",
                             r->code, r->name, to_string(r->category), severity, r->summary, r->what,
                             r->why, r->bad.markdown, r->instead, r->good.markdown);
    if (!r->fix.empty())
      std::cout << fmt::format("\nFix ({}: runbookc lint --fix{})\n  {}\n", r->fix_safe ? "safe" : "unsafe",
                               r->fix_safe ? "" : " --unsafe-fixes", r->fix);
    if (!r->example_config.empty())
      std::cout << (r->opt_in ? "\nOpt-in: off unless .runbookc.yaml gives it a severity or --select names it; the "
                                "examples assume this .runbookc.yaml:\n"
                              : "\nActs only when configured; the examples assume this .runbookc.yaml:\n")
                << r->example_config;
    print_effect_entries(r->code);
    return 0;
  };
}

}  // namespace rbc
