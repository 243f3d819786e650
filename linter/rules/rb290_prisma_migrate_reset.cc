#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// argv index of "prisma" when the command runs the Prisma CLI (directly or
/// through npx, yarn, pnpm, bunx), 0 when it does not.
size_t prisma_index(const Command& cmd) {
  if (program(cmd) == "prisma") return 0;
  if (!program_is(cmd, {"npx", "yarn", "pnpm", "pnpx", "bunx", "bun", "npm"})) return std::string::npos;
  for (size_t i = 1; i < cmd.argv.size() && i < 4; ++i)
    if (cmd.argv[i].text == "prisma" || starts_with(cmd.argv[i].text, "prisma@")) return i;
  return std::string::npos;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t p = prisma_index(cmd);
  if (p == std::string::npos || p + 2 >= cmd.argv.size()) return;
  if (cmd.argv[p + 1].text != "migrate" || cmd.argv[p + 2].text != "reset") return;
  emit.report(words_span(cmd, p, p + 2),
              "`prisma migrate reset` drops the database (or every table in it) and re-applies migrations: all "
              "data is lost; --force even skips the confirmation",
              "to fix a failed migration use `prisma migrate resolve`; never reset a database that holds real data");
}

const bool registered = register_rule({
    .code = "RB290",
    .name = "prisma-migrate-reset",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "prisma migrate reset wipes the database",
    .what = "Reports `prisma migrate reset`, run directly or through npx, yarn, pnpm or bunx.",
    .why = "It is a development command: it drops and recreates the schema and runs seed scripts. Pointed at "
           "production by DATABASE_URL, it deletes every row.",
    .instead = "Use `prisma migrate resolve --rolled-back|--applied` and `prisma migrate deploy` in production.",
    .bad = {"# Migration stuck\n\n```bash\nnpx prisma migrate reset --force\n```\n", 4, 5},
    .good = {"# Migration stuck\n\n```bash\nnpx prisma migrate status\nnpx prisma migrate resolve --rolled-back 20240101_add\n```\n"},
    .on_command = {.names = {"prisma", "npx", "yarn", "pnpm", "pnpx", "bunx", "bun", "npm"}, .check = check},
});

}  // namespace
}  // namespace rbc
