#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = 0;
  if (program(cmd) == "gsutil") {
    if ((at = subcommand(cmd, {"rm"})) && !has_flag(cmd, "rRa", {"--recursive"})) at = 0;
    if (!at) at = subcommand(cmd, {"rb"});
  } else if (program(cmd) == "gcloud") {
    if ((at = subcommand(cmd, {"storage", "rm"})) && !has_flag(cmd, "r", {"--recursive", "--all-versions"})) at = 0;
  }
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`" + std::string(program(cmd)) + " ... " + cmd.argv[at].text +
                  "` deletes every object under the path (or the whole bucket); without object versioning they "
                  "cannot be recovered",
              "list the objects first (gsutil ls -r), narrow the path, check that versioning or a backup exists, "
              "and declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB268",
    .name = "gcs-recursive-delete",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "gsutil rm -r, gsutil rb or gcloud storage rm -r deletes Cloud Storage data",
    .what = "Reports `gsutil rm` with -r/-R/-a, `gsutil rb`, and `gcloud storage rm` with -r/--recursive or "
            "--all-versions.",
    .why = "A prefix that is one level too short deletes a whole bucket's data, and deletes are immediate.",
    .instead = "List what matches first, delete the narrowest prefix, and keep versioning on for important buckets.",
    .bad = {"# Cleanup\n\n```bash\ngsutil -m rm -r gs://app-exports/2023/\n```\n", 4, 11},
    .good = {"# Cleanup\n\n```bash\ngsutil ls -r gs://app-exports/2023/\ngsutil rm gs://app-exports/2023/one.csv\n```\n"},
    .on_command = {.names = {"gsutil", "gcloud"}, .check = check},
});

}  // namespace
}  // namespace rbc
