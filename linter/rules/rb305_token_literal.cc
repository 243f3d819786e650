#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  for (const SecretMatch& m : find_tokens(rb.source->text())) {
    emit.report({m.begin, m.end},
                "this looks like " + m.what + "; a credential in a runbook is a leaked credential",
                "revoke and rotate it now, then refer to it by name (secret store path, environment variable)");
  }
}

const bool registered = register_rule({
    .code = "RB305",
    .name = "token-literal",
    .category = Category::secret,
    .severity = Severity::error,
    .summary = "A known credential format (AWS key id, GitHub or Slack token, private key) appears in the text",
    .what = "Reports AWS access key ids (`AKIA...`, `ASIA...`), GitHub tokens (`ghp_`, `gho_`, `ghs_`, "
            "`github_pat_`), Slack tokens (`xoxb-`, `xoxp-`...) and PEM private key blocks with key material, in "
            "code and in prose. AWS's documented example keys (`...EXAMPLE`) and masked values are not reported.",
    .why = "These formats are scanned for by attackers within minutes of a push; the credential must be "
           "considered compromised.",
    .instead = "Rotate the credential and refer to where it is stored (`aws-vault`, `gh auth token`, a vault path).",
    .bad = {"# Access\n\nUse the key AKIAZ7QW3RT5YUI8OP2X for the export bucket.\n", 3, 13},
    .good = {"# Access\n\nUse the key in `vault kv get secret/export-bucket` for the export bucket.\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
