#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (runs_remotely(cmd)) return;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w == "--") return;
    // -i (or a cluster ending in i, like -Ei) has no suffix attached.
    bool bare = w.size() >= 2 && w[0] == '-' && w[1] != '-' && w.back() == 'i' &&
                std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (!bare && w != "--in-place") continue;
    if (i + 1 < cmd.argv.size() && cmd.argv[i + 1].text.empty()) {
      emit.report(cmd.argv[i].span,
                  "`sed -i ''` is the BSD/macOS spelling: GNU sed takes '' as the script and fails on Linux",
                  "write `sed -i.bak 's/.../.../' file && rm file.bak`, which both accept");
      return;
    }
    emit.report(cmd.argv[i].span,
                "`sed " + std::string(w) + "` without a backup suffix only works with GNU sed: macOS sed takes the "
                "next argument as the suffix and the step fails or edits the wrong thing",
                "write `sed -i.bak 's/.../.../' file && rm file.bak`, which GNU and BSD sed both accept");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB502",
    .name = "sed-in-place-without-suffix",
    .category = Category::portability,
    .severity = Severity::note,
    .summary = "sed -i without a suffix behaves differently on GNU and BSD/macOS",
    .what = "Reports `sed -i` (or `--in-place`, or clusters like `-Ei`) with no attached backup suffix, and the "
            "BSD-only `sed -i ''`, in commands run locally, unless the runbook evidently targets Linux servers.",
    .why = "GNU sed reads an optional suffix glued to -i; BSD sed requires one as the next argument. The same "
           "line fails on one system or the other.",
    .instead = "`sed -i.bak 'script' file && rm file.bak` works everywhere.",
    .bad = {"# Patch config\n\n```bash\nsed -i 's/replicas: 3/replicas: 5/' values.yaml\n```\n", 4, 5},
    .good = {"# Patch config\n\n```bash\nsed -i.bak 's/replicas: 3/replicas: 5/' values.yaml\n```\n"},
    .on_command = {.names = {"sed"}, .check = check},
    .applies_to = not_for_linux_servers,
});

}  // namespace
}  // namespace rbc
