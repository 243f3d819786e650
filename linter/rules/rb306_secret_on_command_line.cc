#include "compiler/base/path_name.h"
#include "linter/rule.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {

/// A literal value the reader did not have to fill in.
bool literal_secret(const Step& step, const Word& word, std::string_view value) {
  return word.literal && !is_stand_in_secret(value) && !overlaps_placeholder(step, word.span);
}

/// For a flag merely named like a secret, the value must also look like one
/// (`--secret-string "REVOKED"` is not a secret).
bool literal_real_secret(const Step& step, const Word& word, std::string_view value) {
  return literal_secret(step, word, value) && looks_like_real_secret(value);
}

/// Span of the last `len` bytes of a word (the value after `--flag=`), when the word is written unquoted.
Span tail_span(const Runbook& rb, const Word& w, size_t len) {
  std::string_view written(rb.source->text().data() + w.span.begin, w.span.end - w.span.begin);
  if (written.size() == w.text.size()) return {w.span.end - static_cast<uint32_t>(len), w.span.end};
  return w.span;
}

struct Finding {
  Span span;
  std::string what;
};

/// Secret-named flags (`--password=x`, `--token x`), mysql `-pSECRET`, `curl -u user:pass`, `redis-cli -a pass`.
void check_argv(const Runbook& rb, const Config& config, const Step& step, const Command& cmd,
                std::vector<Finding>& out) {
  std::string_view prog = last_path_component(cmd.argv[0].text);
  bool mysql = prog == "mysql" || prog == "mysqldump" || prog == "mysqladmin" || prog == "mariadb";
  bool redis = prog == "redis-cli" || prog == "valkey-cli";
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    const Word& w = cmd.argv[i];
    const std::string& t = w.text;
    const Word* next = i + 1 < cmd.argv.size() ? &cmd.argv[i + 1] : nullptr;
    if (t.rfind("--", 0) == 0 && t.size() > 2) {
      size_t eq = t.find('=');
      std::string flag = t.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      std::string key = flag;
      for (char& c : key)
        if (c == '-') c = '_';
      if (flag == "from-literal" && eq != std::string::npos) {  // kubectl create secret --from-literal=KEY=VALUE
        size_t eq2 = t.find('=', eq + 1);
        std::string key_name = eq2 == std::string::npos ? "" : t.substr(eq + 1, eq2 - eq - 1);
        if (eq2 != std::string::npos && is_secret_key(config, key_name) && literal_real_secret(step, w, t.substr(eq2 + 1)))
          out.push_back({tail_span(rb, w, t.size() - eq2 - 1), "--from-literal"});
        continue;
      }
      if (!is_secret_key(config, key) || key.find("STDIN") != std::string::npos || key.find("stdin") != std::string::npos)
        continue;
      if (eq != std::string::npos) {
        if (literal_real_secret(step, w, t.substr(eq + 1))) out.push_back({tail_span(rb, w, t.size() - eq - 1), "--" + flag});
      } else if (next && next->text.rfind("-", 0) != 0 && literal_real_secret(step, *next, next->text)) {
        out.push_back({next->span, "--" + flag});
        ++i;
      }
    } else if (mysql && t.size() > 2 && t.rfind("-p", 0) == 0) {
      if (literal_secret(step, w, t.substr(2))) out.push_back({tail_span(rb, w, t.size() - 2), "-p"});
    } else if (prog == "curl" && (t == "-u" || t == "--user") && next) {
      size_t colon = next->text.find(':');
      if (colon != std::string::npos && colon + 1 < next->text.size() &&
          literal_secret(step, *next, next->text.substr(colon + 1)))
        out.push_back({next->span, t});
      ++i;
    } else if (redis && t == "-a" && next) {
      if (literal_secret(step, *next, next->text)) out.push_back({next->span, "-a"});
      ++i;
    }
  }
}

void check(const Runbook& rb, Emitter& emit) {
  for (const Step& step : rb.steps) {
    for (const Command& cmd : step.facts.commands) {
      std::vector<Finding> found;
      for (const Word& a : cmd.assignments) {  // PGPASSWORD=... psql
        size_t eq = a.text.find('=');
        if (eq == std::string::npos || !is_secret_key(emit.config(), a.text.substr(0, eq))) continue;
        std::string value = a.text.substr(eq + 1);
        if (!value.empty() && a.literal && !is_stand_in_secret(value) && !overlaps_placeholder(step, a.span))
          found.push_back({a.span, a.text.substr(0, eq) + "="});
      }
      if (!cmd.argv.empty()) check_argv(rb, emit.config(), step, cmd, found);
      for (const Finding& f : found)
        emit.report(f.span,
                    "a literal secret is passed with `" + f.what + "`: it is visible to every user in `ps`, kept in "
                    "shell history and written into this runbook",
                    "pass it through the environment or a file read at run time (`--password-stdin`, ~/.pgpass, "
                    "`-a \"$REDIS_PASSWORD\"` from a secret store)",
                    step.index);
    }
  }
}

const bool registered = register_rule({
    .code = "RB306",
    .name = "secret-on-command-line",
    .category = Category::secret,
    .severity = Severity::error,
    .summary = "A literal secret is passed on a command line",
    .what = "Reports literal values given to secret-named flags (`--password=...`, `--token ...`, "
            "`--from-literal=password=...`), mysql's `-pSECRET`, `curl -u user:pass`, `redis-cli -a pass` and "
            "prefix assignments such as `PGPASSWORD=... psql`. Values that are variables, placeholders or masks "
            "are fine.",
    .why = "Arguments are visible to every local user through `ps` and /proc, land in shell history, and the "
           "secret is now written in the runbook for everyone to read.",
    .instead = "Read the secret at run time: `PGPASSWORD=\"$(vault kv get -field=password db/app)\"`, "
               "`--password-stdin`, `-a \"$REDIS_PASSWORD\"`, a ~/.my.cnf or ~/.pgpass.",
    .bad = {"# Connect\n\n```bash\nPGPASSWORD=s3cr3t-Pw psql -h db -U app\n```\n", 4, 1},
    .good = {"# Connect\n\n```bash\nPGPASSWORD=\"$(vault kv get -field=password db/app)\" psql -h db -U app\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
