#include "compiler/emit/script/runbook_scripts.h"

#include "compiler/emit/script/plan.h"
#include "compiler/model/step_text.h"
#include "compiler/emit/script/script.h"
#include "compiler/model/url_layout.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/languages/language_registry.h"

namespace rbc {

std::vector<RunbookScript> runbook_scripts(const FileResult& file, const std::string& id, ScriptCheck requested) {
  std::vector<RunbookScript> out;
  const Runbook& rb = file.runbook;
  if (!file.error.empty() || !rb.source || rb.binary) return out;
  std::vector<int> sections{-1};
  PlanIndex index(rb, file.diagnostics);  // once: every section's script reads it
  // A section holding every step of the runbook would only repeat the whole-runbook script.
  // Every code block is a step, so counting blocks in scope is enough (no rendering).
  for (int s : incident_sections(rb))
    if (index.steps_in(s).size() < rb.steps.size()) sections.push_back(s);
  // bash -n once on the whole script; sections reuse its verdict.
  ScriptCheck check = requested == ScriptCheck::strict ? ScriptCheck::strict : ScriptCheck::lenient;
  for (int section : sections) {
    std::string error;
    std::string body = generate_script(index, section, &error, check);
    if (requested == ScriptCheck::validate && section < 0 && !body.empty() && !bash_check_syntax(body).accepted()) {
      check = ScriptCheck::strict;
      body = generate_script(index, section, &error, check);
    }
    if (body.empty()) {
      if (section < 0) break;  // the whole runbook does not compile: its sections hold the same steps
      continue;
    }
    out.push_back({script_url(id, section < 0 ? "" : rb.sections[section].anchor), section, std::move(body)});
  }
  return out;
}

std::vector<ScriptLink> script_links(const std::vector<RunbookScript>& scripts) {
  std::vector<ScriptLink> out;
  for (const RunbookScript& s : scripts) out.push_back({s.path, s.section});
  return out;
}

std::vector<std::string> shell_step_functions(const Runbook& runbook) {
  std::vector<std::string> out;
  for (const Step& step : runbook.steps) {
    const Language* language = language_of(step.kind);
    if (!language || language->runner != "shell") continue;
    RenderedStep rendered = render_step(step);
    if (rendered.runner == "shell") out.push_back(shell_function("rb_step", rendered.code));
  }
  return out;
}

}  // namespace rbc
