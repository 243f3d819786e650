#include "linter/declared_danger.h"

#include "linter/directive.h"

namespace rbc {
namespace {

constexpr const char* kNoReason = "no reason given";

}  // namespace

std::string section_declared_danger(const Runbook& runbook, int section) {
  for (const HtmlComment& comment : runbook.comments) {
    auto d = parse_html_directive(comment.text);
    if (!d || d->kind != "danger") continue;
    int declared_in = runbook.section_at(comment.span.begin);
    if (declared_in < 0) continue;  // before the first heading: say it on the fence instead
    for (int s = section; s >= 0; s = runbook.sections[s].parent)
      if (s == declared_in) return d->reason.empty() ? kNoReason : d->reason;
  }
  return "";
}

void resolve_declared_danger(Runbook& runbook) {
  for (Step& step : runbook.steps) {
    auto it = step.attributes.find("danger");
    if (it != step.attributes.end()) step.declared_danger = it->second.empty() ? kNoReason : it->second;
    else step.declared_danger = section_declared_danger(runbook, step.section);
  }
}

void apply_declared_danger(const Runbook& runbook, std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (d.category != Category::danger && d.category != Category::secret) continue;
    std::string reason = d.step >= 0 && d.step < static_cast<int>(runbook.steps.size())
                             ? runbook.steps[d.step].declared_danger
                             : section_declared_danger(runbook, runbook.section_at(d.span.begin));
    if (reason.empty()) continue;
    d.severity = Severity::note;
    d.declared = true;
    d.message += " (declared: " + reason + ")";
  }
}

}  // namespace rbc
