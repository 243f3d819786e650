#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (std::find(cmd.wrappers.begin(), cmd.wrappers.end(), "xargs") == cmd.wrappers.end()) return;
  emit.report(cmd.argv[0].span,
              "`xargs " + std::string(program(cmd)) + "` deletes whatever the previous command printed; an "
              "unexpected line (a space in a name, a broader match) deletes the wrong files, irreversibly",
              "save the list to a file and read it before deleting, or use find -print then -delete on the "
              "same expression");
}

const bool registered = register_rule({
    .code = "RB209",
    .name = "xargs-rm",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "xargs feeds a computed list of paths to rm",
    .what = "Reports `xargs rm` (and shred, unlink), whatever xargs options are used.",
    .why = "The list is only known at run time. Names with spaces split into other paths, and a grep or ls that "
           "matched more than expected deletes those files too.",
    .instead = "Write the list to a file, review it, then delete from the reviewed list.",
    .bad = {"# Free disk\n\n```bash\nls -t backups/ | tail -n +8 | xargs rm -f\n```\n", 4, 37},
    .good = {"# Free disk\n\n```bash\nls -t backups/ | tail -n +8 > old-backups.txt\ncat old-backups.txt | xargs ls -l\n```\n"},
    .on_command = {.names = {"rm", "shred", "unlink"}, .check = check},
});

}  // namespace
}  // namespace rbc
