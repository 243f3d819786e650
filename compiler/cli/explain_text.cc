#include "compiler/cli/explain_text.h"

#include <fmt/format.h>

#include <optional>

#include "compiler/languages/command_effects.h"

namespace rbc {
namespace {

/// The command-effect table's entries this rule reports: those of its effect
/// class, or those that name it as the rule reporting them.
std::string effect_entries(std::string_view code) {
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
  if (out.empty()) return "";
  return "\nCommands (from the command-effect table, compiler/languages/command_effect_table.cc)\n" + out;
}

}  // namespace

std::string explain_text(const Rule& r) {
  std::string severity = r.opt_in ? fmt::format("off by default, {} when turned on", to_string(r.severity))
                                  : fmt::format("{} by default", to_string(r.severity));
  std::string out = fmt::format("{} {} ({}, {})\n\n{}\n\nWhat it does\n  {}\n\nWhy is this bad?\n  {}\n\n"
                                "Example\n{}\nUse instead\n  {}\n{}",
                                r.code, r.name, to_string(r.category), severity, r.summary, r.what, r.why,
                                r.bad.markdown, r.instead, r.good.markdown);
  if (!r.fix.empty())
    out += fmt::format("\nFix ({}: runbookc lint --fix{})\n  {}\n", r.fix_safe ? "safe" : "unsafe",
                       r.fix_safe ? "" : " --unsafe-fixes", r.fix);
  if (!r.example_config.empty()) {
    out += r.opt_in ? "\nOpt-in: off unless .runbookc.yaml gives it a severity or --select names it; the "
                      "examples assume this .runbookc.yaml:\n"
                    : "\nActs only when configured; the examples assume this .runbookc.yaml:\n";
    out += r.example_config;
  }
  out += effect_entries(r.code);
  return out;
}

}  // namespace rbc
