#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// `of=$DISK`: a variable the step sets to a /dev path, or whose name says
/// it holds a device (DISK, DEVICE, DEV, DRIVE, and names ending in them).
bool names_a_device(const Step& step, std::string_view value) {
  if (!starts_with(value, "$")) return false;
  std::string name(value.substr(value.size() > 1 && value[1] == '{' ? 2 : 1));
  while (!name.empty() && !(is_ascii_alnum(name.back()) || name.back() == '_')) name.pop_back();
  if (name.empty()) return false;
  for (const char* quote : {"", "\"", "'"})
    if (step.body.find(name + "=" + quote + "/dev/") != std::string::npos) return true;
  for (std::string_view device : {"DISK", "DEVICE", "DEV", "DRIVE"})
    if (name == device || name.ends_with("_" + std::string(device))) return true;
  return false;
}

void check(const Runbook&, const Step& step, const Command& cmd, Emitter& emit) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (starts_with(w, "of=$") && names_a_device(step, w.substr(3))) {
      emit.report(cmd.argv[i].span,
                  "`dd " + std::string(w) + "` overwrites the raw device in " + std::string(w.substr(3)) +
                      ": the filesystem and data on it are destroyed, and a wrong value hits another disk",
                  "check the device with `lsblk` first, write to a file, or declare the danger on the block");
      continue;
    }
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
    .what = "Reports `dd` with `of=/dev/...` other than /dev/null, /dev/stdout, /dev/stderr and /dev/fd/*, and "
            "`of=$VAR` when the block sets VAR to a /dev path or its name says it holds a device ($DISK, $DEVICE, "
            "$DEV, $TARGET_DISK).",
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
