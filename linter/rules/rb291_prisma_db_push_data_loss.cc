#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!find_word(cmd, "prisma") && program(cmd) != "prisma") return;
  size_t db = find_word(cmd, "db");
  if (!db || db + 1 >= cmd.argv.size() || cmd.argv[db + 1].text != "push") return;
  size_t at = find_flag(cmd, "", {"--accept-data-loss", "--force-reset"});
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`prisma db push " + cmd.argv[at].text +
                  "` applies the schema even when that drops columns or tables (or resets the whole database): "
                  "their data is deleted",
              "create a reviewed migration (prisma migrate dev --create-only) and deploy it with prisma migrate "
              "deploy");
}

const bool registered = register_rule({
    .code = "RB291",
    .name = "prisma-db-push-data-loss",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "prisma db push --accept-data-loss or --force-reset deletes data",
    .what = "Reports `prisma db push` with `--accept-data-loss` or `--force-reset`, directly or through npx, yarn, "
            "pnpm or bunx.",
    .why = "The flags exist to silence Prisma's warning that the push will drop columns or tables. In production "
           "that warning is the only thing between the schema edit and lost data.",
    .instead = "Generate a migration, read its SQL, and apply it with `prisma migrate deploy`.",
    .bad = {"# Schema\n\n```bash\nnpx prisma db push --accept-data-loss\n```\n", 4, 20},
    .good = {"# Schema\n\n```bash\nnpx prisma db push\nnpx prisma migrate deploy\n```\n"},
    .on_command = {.names = {"prisma", "npx", "yarn", "pnpm", "pnpx", "bunx", "bun", "npm"}, .check = check},
});

}  // namespace
}  // namespace rbc
