#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    size_t at = 0;
    if (w == "-delete") at = i;
    else if ((w == "-exec" || w == "-execdir" || w == "-ok") && i + 1 < cmd.argv.size()) {
      std::string_view next = cmd.argv[i + 1].text;
      size_t slash = next.rfind('/');
      std::string_view base = slash == std::string_view::npos ? next : next.substr(slash + 1);
      if (base == "rm" || base == "shred" || base == "unlink") at = i + 1;
    }
    if (!at || w == "-ok") continue;
    emit.report(cmd.argv[at].span,
                "`find ... " + std::string(w) + (at == i ? "" : " " + cmd.argv[at].text) +
                    "` deletes every file the expression matches, and a too-wide path or pattern deletes far more "
                    "than intended, irreversibly",
                "run the same find with -print first and read the list, then delete; declare the danger on the block");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB208",
    .name = "find-delete",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "find deletes the files it matches (-delete, -exec rm)",
    .what = "Reports `find` with `-delete`, or with `-exec`/`-execdir` running rm, shred or unlink. `-ok rm`, "
            "which asks before each file, is not reported.",
    .why = "The set of files is computed at run time. A wrong starting directory, a missing -name or a "
           "misplaced -delete (before the tests, it deletes everything) cannot be undone.",
    .instead = "Run the expression with `-print` first, check the count, then delete.",
    .bad = {"# Free disk\n\n```bash\nfind /var/log/app -name '*.gz' -mtime +7 -delete\n```\n", 4, 42},
    .good = {"# Free disk\n\n```bash\nfind /var/log/app -name '*.gz' -mtime +7 -print\nfind . -ok rm {} \\;\n```\n"},
    .on_command = {.names = {"find"}, .check = check},
});

}  // namespace
}  // namespace rbc
