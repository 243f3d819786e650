#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  for (size_t k = 1; k < ops.size() && k < 5; ++k) {
    if (cmd.argv[ops[k]].text != "delete") continue;
    bool group = cmd.argv[ops[0]].text == "group";
    emit.report(words_span(cmd, ops[0], ops[k]),
                group ? std::string("`az group delete` deletes the resource group and every resource in it, data "
                                    "included")
                      : "`az ... delete` removes a live Azure resource; it cannot be undone and what depends on it fails",
                "show the resource first (az ... show), back up its data, and declare danger=\"...\" on the block");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB269",
    .name = "az-delete",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "The Azure CLI deletes a resource",
    .what = "Reports az commands whose verb is `delete` (`az vm delete`, `az sql db delete`, `az group delete`, ...).",
    .why = "Deletion is immediate and, for databases, storage and resource groups, takes the data with it.",
    .instead = "Show the resource first, back up data, and delete through infrastructure as code when possible.",
    .bad = {"# Cleanup\n\n```bash\naz group delete --name rg-staging --yes\n```\n", 4, 4},
    .good = {"# Inspect\n\n```bash\naz group show --name rg-staging\n```\n"},
    .on_command = {.names = {"az"}, .check = check},
});

}  // namespace
}  // namespace rbc
