#pragma once
/// How the effect rules (RB295-RB298, RB308) report a command the effect
/// table classes: one message shape, the entry's own words, and silence when
/// the entry names an older rule that reports the command itself.
#include "compiler/languages/command_effects.h"
#include "linter/rule.h"

namespace rbc {

void report_command_effect(const Command& cmd, Effect effect, Emitter& emit);
void report_redis_effect(const RedisCommand& cmd, Effect effect, Emitter& emit);

}  // namespace rbc
