#pragma once
/// What `runbookc explain RULE` prints, as text: the rule's documentation
/// (linter/rule.h) and the command-effect table's entries it reports. The
/// explain subcommand prints it; the language server's hover shows it.
#include <string>

#include "linter/rule.h"

namespace rbc {

std::string explain_text(const Rule& rule);

}  // namespace rbc
