#pragma once
/// Commands a script cannot simply run and wait for: those that run until
/// they are interrupted (a followed log, a watch, a port-forward) and those
/// that take over the terminal (full-screen or interactive), whose output
/// cannot go through the transcript. Judged from the programs' documented
/// options, not from runbook shapes.
#include <string>

#include "compiler/syntax/ir.h"

namespace rbc {

/// Why `command` runs until Ctrl-C ("`tail -f` follows the file"), "" when it ends by itself.
std::string runs_until_interrupted(const Command& command);

/// True when `command` needs the terminal itself: a full-screen program
/// (top, watch, less, an editor) or an interactive session (`-it`, a shell
/// or database client without a command to run).
bool needs_terminal(const Command& command);

}  // namespace rbc
