#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

void check(const Runbook& rb, Emitter& emit) {
  const std::string& text = rb.source->text();
  for (const SecretMatch& m : find_url_credentials(text)) {
    emit.report({m.begin, m.end},
                "this " + m.what + ":// URL carries a password in clear; anyone who reads the runbook (or the "
                "shell history of whoever ran it) has the credential",
                "read it from the environment or a secret store: `" + m.what + "://user:${DB_PASSWORD}@host/...`, "
                "or leave it out and use ~/.pgpass / a credentials file");
  }
}

const bool registered = register_rule({
    .code = "RB303",
    .name = "credentials-in-url",
    .category = Category::secret,
    .severity = Severity::error,
    .summary = "A URL embeds a literal password (scheme://user:password@host)",
    .what = "Reports `scheme://user:password@host` anywhere in the runbook, code or prose, hosts without a dot "
            "included (`@replica-db:5432`). A password that is a variable (`$DB_PASSWORD`, `${PASS}`), a "
            "placeholder (`<password>`, `{{password}}`), a mask (`***`, `xxx`) or the word `password` itself is an "
            "example and not reported; anything else, even a short word like `pass`, is.",
    .why = "A committed password is a leaked password: runbooks are widely read, copied into tickets and kept "
           "in Git history forever.",
    .instead = "Reference the secret: `postgresql://app:${DB_PASSWORD}@replica-db:5432/app`, or use .pgpass.",
    .bad = {"# Replica\n\n```bash\npsql \"postgresql://app:hunter2@replica-db:5432/app\"\n```\n", 4, 24},
    .good = {"# Replica\n\n```bash\npsql \"postgresql://app:${DB_PASSWORD}@replica-db:5432/app\"\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
