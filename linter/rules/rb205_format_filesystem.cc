#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::string_view p = program(cmd);
  bool mkfs = p == "mkfs" || p == "mke2fs" || starts_with(p, "mkfs.") || p == "mkswap";
  // wipefs without -a/-o only lists signatures.
  bool wipe = p == "wipefs" && has_flag(cmd, "ao", {"--all", "--offset"});
  if (!mkfs && !wipe) return;
  if (has_flag(cmd, "hV", {"--help", "--version"})) return;
  emit.report(cmd.argv[0].span,
              "`" + std::string(p) + "` destroys the filesystem on the target device; everything stored there is lost",
              "confirm the device with `lsblk -f` (it must be empty and unmounted) and declare the danger on the block");
}

const bool registered = register_rule({
    .code = "RB205",
    .name = "format-filesystem",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "mkfs or wipefs -a erases a filesystem",
    .what = "Reports `mkfs`, `mkfs.<type>`, `mke2fs`, `mkswap`, and `wipefs -a`/`--all`/`-o`. A plain `wipefs "
            "<device>`, which only lists signatures, is not reported.",
    .why = "Formatting is irreversible. In an incident the device is often named from memory, and the volume "
           "holding the database looks just like the new empty one.",
    .instead = "Check `lsblk -f` that the device is the new, empty one, and declare the danger on the block.",
    .bad = {"# New volume\n\n```bash\nsudo mkfs.ext4 /dev/nvme1n1\n```\n", 4, 6},
    .good = {"# New volume\n\n```bash\nlsblk -f\nwipefs /dev/nvme1n1\n```\n"},
    .on_command = {.names = {"mkfs", "mkfs.*", "mke2fs", "mkswap", "wipefs"}, .check = check},
});

}  // namespace
}  // namespace rbc
