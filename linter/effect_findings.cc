#include "linter/effect_findings.h"

#include <fmt/format.h>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {

std::string_view help_for(Effect effect) {
  switch (effect) {
    case Effect::destroys_data:
      return "check the target and that a backup or snapshot exists, then declare danger=\"...\" on the block so "
             "that readers and generated scripts ask before running it";
    case Effect::irreversible:
      return "say why it must be done and how to check the result, and declare danger=\"...\" on the block";
    case Effect::disrupts:
      return "say what users will notice and when it is safe to run, and declare danger=\"...\" on the block";
    case Effect::changes_access:
      return "say who loses or gains access and how to restore it, and declare danger=\"...\" on the block";
    case Effect::prints_secret:
      return "print only what is needed (a field, a checksum, its length) or pipe the value straight to the "
             "command that uses it, so it does not land in scrollback, recordings and incident logs";
    case Effect::read_only: break;
  }
  return {};
}

}  // namespace

void report_command_effect(const Command& cmd, Effect effect, Emitter& emit) {
  std::optional<EffectMatch> match = effect_of(cmd);
  if (!match || match->entry->effect != effect || !match->entry->rule.empty()) return;
  const EffectEntry& e = *match->entry;
  // The span runs from the program to the entry's last path word; a data
  // path or a flag may stand anywhere, so those entries mark the program.
  size_t last = e.path.starts_with("<") ? 0 : match->last_word;
  std::string shown;
  for (size_t i = 0; i <= last; ++i) shown += (i ? " " : "") + cmd.argv[i].text;
  std::string message = fmt::format("`{}` {} ({}: {})", shown, e.does, to_string(e.effect), e.source);
  if (e.path.starts_with("<") && match->last_word > 0) message = fmt::format("`{} {}` {} ({}: {})", shown, cmd.argv[match->last_word].text,
                                                     e.does, to_string(e.effect), e.source);
  emit.report(rules::words_span(cmd, 0, last), std::move(message), std::string(help_for(effect)));
}

void report_redis_effect(const RedisCommand& cmd, Effect effect, Emitter& emit) {
  const RedisEffectEntry* e = effect_of(cmd);
  if (!e || e->effect != effect || !e->rule.empty()) return;
  std::string shown = e->subcommand.empty() ? std::string(e->command) : fmt::format("{} {}", e->command, e->subcommand);
  emit.report(cmd.span, fmt::format("`{}` {} ({}: {})", shown, e->does, to_string(e->effect), e->source),
              std::string(help_for(effect)));
}

}  // namespace rbc
