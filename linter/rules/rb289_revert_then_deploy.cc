#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// A command that ships the current checkout: a deploy script or target,
/// kubectl apply, helm upgrade/install, platform CLIs' deploy verbs.
bool is_deploy(const Command& cmd) {
  std::string_view p = program(cmd);
  std::vector<size_t> ops = operands(cmd);
  auto op = [&](size_t k) { return k < ops.size() ? std::string_view(cmd.argv[ops[k]].text) : std::string_view(); };
  if (p.find("deploy") != std::string_view::npos) return true;  // ./deploy.sh, deploy-prod
  if (p == "npm" || p == "yarn" || p == "pnpm" || p == "bun")
    return op(0).find("deploy") != std::string_view::npos || op(1).find("deploy") != std::string_view::npos;
  if (p == "make") return op(0).find("deploy") != std::string_view::npos || op(0) == "release";
  if (p == "kubectl" || p == "oc") return op(0) == "apply";
  if (p == "helm") return op(0) == "upgrade" || op(0) == "install";
  if (p == "sst" || p == "fly" || p == "flyctl" || p == "serverless" || p == "sls" || p == "cap" || p == "firebase" ||
      p == "amplify")
    for (size_t k = 0; k < ops.size(); ++k)
      if (cmd.argv[ops[k]].text == "deploy" || cmd.argv[ops[k]].text == "publish") return true;
  if (p == "vercel") return has_flag(cmd, "", {"--prod"});
  return false;
}

void check(const Runbook& runbook, Emitter& emit) {
  for (size_t s = 0; s < runbook.steps.size(); ++s) {
    const Step& step = runbook.steps[s];
    if (!is_checked(step)) continue;
    for (size_t c = 0; c < step.facts.commands.size(); ++c) {
      const Command& revert = step.facts.commands[c];
      size_t at = program(revert) == "git" ? subcommand(revert, {"revert"}) : 0;
      if (!at || has_flag(revert, "n", {"--no-commit", "--abort", "--quit"})) continue;
      int section = runbook.section_at(revert.span.begin);
      // A deploy after the revert, in the same block or a later one of the same section.
      const Command* deploy = nullptr;
      for (size_t t = s; t < runbook.steps.size() && !deploy; ++t) {
        const Step& later = runbook.steps[t];
        if (!is_checked(later)) continue;
        if (runbook.section_at(later.span.begin) != section) break;
        for (size_t k = t == s ? c + 1 : 0; k < later.facts.commands.size() && !deploy; ++k)
          if (!later.facts.commands[k].argv.empty() && is_deploy(later.facts.commands[k])) deploy = &later.facts.commands[k];
      }
      if (!deploy) continue;
      uint32_t line = runbook.source->position(deploy->span.begin).line;
      emit.report(words_span(revert, 0, revert.argv.size() - 1),
                  "`" + revert.argv[0].text + " revert` followed by a deploy (line " + std::to_string(line) +
                      ") ships an unreviewed revert straight from this checkout: the reverted commit may not be the "
                      "bad one, and CI is bypassed",
                  "redeploy the last known-good release artefact, or revert a named commit through a pull request "
                  "and let the pipeline deploy it");
    }
  }
}

const bool registered = register_rule({
    .code = "RB289",
    .name = "revert-then-deploy",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "git revert followed by a deploy from the same checkout",
    .what = "Reports `git revert` when a deploy command follows in the same section: a deploy script or npm/yarn/"
            "make target, `kubectl apply`, `helm upgrade/install`, or the deploy verb of sst, fly, serverless, "
            "capistrano, firebase, amplify, `vercel --prod`.",
    .why = "`git revert HEAD` reverts whatever commit is at HEAD of this checkout, which in an incident is often "
           "not the release that broke; deploying it directly skips review, tests and the normal pipeline.",
    .instead = "Redeploy the previous release artefact (a known image tag or build), or revert a specific commit "
               "in a pull request and let CI deploy it.",
    .bad = {"# Rollback\n\n```bash\ngit revert HEAD\nnpm run build\nnpm run deploy\n```\n", 4, 1},
    .good = {"# Rollback\n\n```bash\ngit revert HEAD\ngit push origin revert-branch\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
