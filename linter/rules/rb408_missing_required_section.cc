#include "linter/config.h"
#include "linter/rule.h"
#include "linter/runbook_signals.h"

namespace rbc {
namespace {

bool covers(const std::vector<std::string>& headings, const RequiredSection& required) {
  for (const std::string& alias : required.aliases) {
    std::string words = heading_words(alias);
    for (const std::string& heading : headings)
      if (heading.find(words) != std::string::npos) return true;
  }
  return false;
}

void check(const Runbook& rb, Emitter& emit) {
  const Config& config = emit.config();
  if (rb.sections.empty() || config.required_sections.empty()) return;
  std::vector<std::string> headings;  // normalized once, compared with every alias
  for (const Section& s : rb.sections) headings.push_back(heading_words(s.title));
  std::vector<std::string> missing;
  for (const RequiredSection& required : config.required_sections)
    if (!covers(headings, required)) missing.push_back(required.role);
  // A document with none of the roles does not follow the runbook layout at
  // all (a README, an index); one that is not about an incident (a how-to
  // with a Troubleshooting section) is not a runbook: not this rule's business.
  if (missing.empty() || missing.size() == config.required_sections.size() || !looks_like_incident_runbook(rb)) return;
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i)
    list += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
  const Section* title = &rb.sections.front();
  for (const Section& s : rb.sections)
    if (s.level == 1) {
      title = &s;
      break;
    }
  std::string aliases;
  for (const RequiredSection& r : config.required_sections)
    if (r.role == missing.front())
      for (size_t i = 0; i < r.aliases.size() && i < 4; ++i) aliases += (i ? ", " : "") + r.aliases[i];
  emit.report(title->span, "this runbook has no " + list + " section; a reader under pressure looks for it and finds nothing",
              "add a `## " + missing.front() + "` section (also accepted: " + aliases +
                  "...), or set `required_sections` in .runbookc.yaml");
}

const bool registered = register_rule({
    .code = "RB408",
    .name = "missing-required-section",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "The runbook lacks a section the team requires (configured in .runbookc.yaml)",
    .what = "Acts only when `required_sections` is configured (like markdownlint's required-headings): checks "
            "that each required role has a heading, at any level. Well-known roles bring English and French "
            "aliases, compared case-insensitively as whole words with emoji, numbering and mojibake ignored: "
            "Symptoms (Symptômes, Meaning, Impact), Diagnosis (Diagnostic, Troubleshooting, Triage), Mitigation "
            "(Actions, Résolution, Remediation, Rollback), Resolution, Communication, Escalation (Escalade, "
            "Contacts). A document with none of the roles (a README, an index), or that does not say it is about "
            "an incident (alerts or severity in front matter; runbook, alert, incident, playbook, outage in its "
            "file name or title, or a runbooks/ folder) is not reported.",
    .why = "Runbooks are read in a hurry by people who did not write them: the same sections in the same "
           "places is what makes them usable at 3 a.m.",
    .instead = "Add the missing section, even a short one, or change the sections your team requires.",
    .bad = {"# API latency alert\n\n## Symptoms\n\nSlow.\n\n## Graphs\n\nLook at p99.\n", 1, 1},
    .good = {"# API latency alert\n\n## Impact\n\nSlow.\n\n## Triage\n\nLook at p99.\n\n## Escalade\n\nPage the DBA.\n"},
    .example_config = "required_sections: [Symptoms, Diagnosis, Escalation]\n",
    .check = check,
});

}  // namespace
}  // namespace rbc
