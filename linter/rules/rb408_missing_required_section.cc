#include <utf8proc.h>

#include "linter/config.h"
#include "linter/mojibake.h"
#include "linter/rule.h"

namespace rbc {
namespace {

/// Lower-cased words of a heading: mojibake repaired, emoji, numbering and punctuation dropped.
std::string words_of(std::string_view text) {
  std::string repaired = repair_mojibake(text);
  std::string out = " ";
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(repaired.data());
  for (size_t i = 0; i < repaired.size();) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(repaired.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    auto category = utf8proc_category(cp);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) {
      utf8proc_uint8_t buf[4];
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(utf8proc_encode_char(utf8proc_tolower(cp), buf)));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

bool covers(const Runbook& rb, const RequiredSection& required) {
  for (const Section& s : rb.sections) {
    std::string heading = words_of(s.title);
    for (const std::string& alias : required.aliases)
      if (heading.find(words_of(alias)) != std::string::npos) return true;
  }
  return false;
}

/// Says it is about an incident or an alert: front matter alerts or severity,
/// or "runbook", "alert", "incident", "playbook", "outage" in its path or title.
bool looks_like_runbook(const Runbook& rb) {
  if (!rb.metadata.alerts.empty() || !rb.metadata.severity.empty()) return true;
  std::string where = words_of(rb.path() + " " + rb.metadata.title);
  for (const char* word : {"runbook", "runbooks", "alert", "alerts", "incident", "incidents", "playbook", "outage", "panne"})
    if (where.find(std::string(" ") + word + " ") != std::string::npos) return true;
  return false;
}

void check(const Runbook& rb, Emitter& emit) {
  const Config& config = rb.config ? *rb.config : Config::defaults();
  if (rb.sections.empty() || config.required_sections.empty()) return;
  std::vector<std::string> missing;
  for (const RequiredSection& required : config.required_sections)
    if (!covers(rb, required)) missing.push_back(required.role);
  // A document with none of the roles does not follow the runbook layout at
  // all (a README, an index); one that is not about an incident (a how-to
  // with a Troubleshooting section) is not a runbook: not this rule's business.
  if (missing.empty() || missing.size() == config.required_sections.size() || !looks_like_runbook(rb)) return;
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
    .summary = "The runbook lacks a required section (by default Symptoms and Mitigation)",
    .what = "Checks that each required role has a heading, at any level. Each role accepts aliases, compared "
            "case-insensitively as whole words with emoji, numbering and mojibake ignored: Symptoms (Symptômes, "
            "Meaning, Impact, Alert, Overview...) and Mitigation (Actions, Résolution, Resolution, Remediation, "
            "Procedure, Rollback, and the diagnosis words Diagnosis, Diagnostic, Troubleshooting, Triage...). "
            "A document with none of the roles (a README, an index), or that does not say it is about an "
            "incident (alerts or severity in front matter; runbook, alert, incident, playbook, outage in its path "
            "or title) is not reported. Roles and aliases come from `required_sections` in .runbookc.yaml.",
    .why = "Runbooks are read in a hurry by people who did not write them: the same sections in the same "
           "places is what makes them usable at 3 a.m.",
    .instead = "Add the missing section, even a short one, or configure the sections your team uses.",
    .bad = {"# API latency alert\n\n## Symptoms\n\nSlow.\n\n## Graphs\n\nLook at p99.\n", 1, 1},
    .good = {"# API latency alert\n\n## Impact\n\nSlow.\n\n## Diagnosis\n\nLook at p99.\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
