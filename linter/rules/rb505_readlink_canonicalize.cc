#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (runs_remotely(cmd)) return;
  size_t at = find_flag(cmd, "fem", {"--canonicalize", "--canonicalize-existing", "--canonicalize-missing"});
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`readlink " + cmd.argv[at].text + "` needs GNU coreutils or macOS 12.3+; older macOS and BSD "
              "readlink reject it",
              "use `realpath` or `cd \"$(dirname \"$f\")\" && pwd -P`");
}

const bool registered = register_rule({
    .code = "RB505",
    .name = "readlink-canonicalize",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "readlink -f is not portable to older macOS and BSD",
    .what = "Reports `readlink -f`/`-e`/`-m` and their long forms in commands run locally, unless the runbook "
            "evidently targets Linux servers.",
    .why = "BSD readlink had no canonicalize mode until macOS 12.3; the step fails on older laptops and BSD hosts.",
    .instead = "`realpath`, or `cd` into the directory and `pwd -P`.",
    .bad = {"# Paths\n\n```bash\nreadlink -f ./current\n```\n", 4, 10},
    .good = {"# Paths\n\n```bash\nreadlink ./current\n```\n"},
    .on_command = {.names = {"readlink"}, .check = check},
    .applies_to = not_for_linux_servers,
});

}  // namespace
}  // namespace rbc
