#include <fmt/format.h>

#include "compiler/languages/command_effects.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void on_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (effect_of(cmd)) return;  // a team's own command (.runbookc.yaml) says what it does
  size_t verb = destructive_verb_of(cmd);
  if (!verb) return;
  emit.report(rules::words_span(cmd, 0, verb),
              is_known_program(canonical_program(cmd))
                  ? fmt::format("`{} ... {}`: a task whose name says it deletes something; runbookc does not know "
                                "what it removes",
                                cmd.argv[0].text, cmd.argv[verb].text.substr(0, cmd.argv[verb].text.find('[')))
                  : fmt::format("`{} ... {}`: a program runbookc does not know, with a destructive verb; it likely "
                                "deletes something",
                                cmd.argv[0].text, cmd.argv[verb].text),
              "say what it removes and how to get it back, and declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB299",
    .name = "destructive-verb",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "An unknown program used with a destructive verb",
    .what = "Reports a program the command-effect table does not know whose first operands include a destructive "
            "verb: delete, destroy, drop, purge, terminate, wipe, erase, nuke, obliterate, zap; and a rake or "
            "rails task whose name holds one (`rake cache:purge_all`). Known programs are judged by the table "
            "instead.",
    .why = "Team tools and less common CLIs follow the same verb conventions; a `delete` there usually deletes.",
    .instead = "Declare the danger on the block, or add the program to the effect table if it is widely used.",
    .bad = {"# Cleanup\n\n```bash\nnomad-tool job purge api\n```\n", 4, 1},
    .good = {"# Inspect\n\n```bash\nnomad-tool job status api\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
});

}  // namespace
}  // namespace rbc
