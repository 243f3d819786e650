#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (!starts_with(w, "of=/dev/")) continue;
    std::string_view dev = w.substr(3);
    if (dev == "/dev/null" || dev == "/dev/stdout" || dev == "/dev/stderr" || starts_with(dev, "/dev/fd/")) continue;
    emit.report(cmd.argv[i].span,
                "`dd " + std::string(w) + "` overwrites the raw device " + std::string(dev) +
                    ": the filesystem and data on it are destroyed, and a wrong device name hits another disk",
                "check the device with `lsblk` first, write to a file, or declare the danger on the block");
  }
}

const bool registered = register_rule({
    .code = "RB204",
    .name = "dd-to-device",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "dd writes to a block device",
    .what = "Reports `dd` with `of=/dev/...` other than /dev/null, /dev/stdout, /dev/stderr and /dev/fd/*.",
    .why = "Writing a raw device replaces its contents byte for byte. Device names shift between boots and "
           "instances (`/dev/sdb` today is `/dev/sdc` tomorrow), so one wrong letter erases another volume.",
    .instead = "Identify the device by a stable path (/dev/disk/by-id/...), confirm it with `lsblk`, and mark the "
               "step with danger=\"...\" so the reader is warned.",
    .bad = {"# Wipe\n\n```bash\ndd if=/dev/zero of=/dev/sdb bs=1M\n```\n", 4, 17},
    .good = {"# Disk speed\n\n```bash\ndd if=/dev/zero of=/tmp/testfile bs=1M count=100\ndd if=/dev/sda of=/dev/null bs=1M count=10\n```\n"},
    .on_command = {.names = {"dd"}, .check = check},
});

}  // namespace
}  // namespace rbc
