#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (std::find(cmd.wrappers.begin(), cmd.wrappers.end(), "xargs") == cmd.wrappers.end()) return;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string word = ascii_lower(cmd.argv[i].text);
    if (word != "del" && word != "unlink") continue;
    emit.report(cmd.argv[i].span,
                "`xargs redis-cli " + cmd.argv[i].text + "` deletes every key the previous command listed; a "
                "pattern broader than intended deletes live data, irreversibly",
                "write the matching keys to a file, check the count and a sample, then delete from that file");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB256",
    .name = "redis-bulk-delete",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Keys listed by --scan or KEYS are piped into redis-cli DEL",
    .what = "Reports `... | xargs redis-cli DEL` and `UNLINK`, the usual way to delete keys by pattern.",
    .why = "The pattern decides what disappears. A missing prefix or a glob that matches other tenants' keys "
           "deletes them all, and Redis keeps no undo.",
    .instead = "Save the key list, review its size and a sample, then delete from the reviewed list.",
    .bad = {"# Purge\n\n```bash\nredis-cli --scan --pattern 'cache:*' | xargs -L 100 redis-cli DEL\n```\n", 4, 63},
    .good = {"# Purge\n\n```bash\nredis-cli --scan --pattern 'cache:*' > keys.txt\nwc -l keys.txt\nredis-cli DEL cache:user:42\n```\n"},
    .on_command = {.names = {"redis-cli", "valkey-cli"}, .check = check},
});

}  // namespace
}  // namespace rbc
