#include "linter/declared_danger.h"

#include "linter/directive.h"

namespace rbc {
namespace {

constexpr const char* kNoReason = "no reason given";

/// Every section-level danger comment, parsed once: for each section, the
/// first comment (in document order) declared in it.
class SectionDeclarations {
 public:
  explicit SectionDeclarations(const Runbook& runbook) : runbook_(runbook), first_(runbook.sections.size(), -1) {
    for (const HtmlComment& comment : runbook.comments) {
      auto d = parse_html_directive(comment.text);
      if (!d || d->kind != "danger") continue;
      int declared_in = runbook.section_at(comment.span.begin);
      if (declared_in < 0) continue;  // before the first heading: say it on the fence instead
      if (first_[declared_in] < 0) first_[declared_in] = static_cast<int>(reasons_.size());
      reasons_.push_back(d->reason.empty() ? kNoReason : d->reason);
    }
  }

  /// The earliest declaration made in `section` or an enclosing one; "" when none.
  std::string reason_for(int section) const {
    int earliest = -1;
    for (int s = section; s >= 0; s = runbook_.sections[s].parent)
      if (first_[s] >= 0 && (earliest < 0 || first_[s] < earliest)) earliest = first_[s];
    return earliest < 0 ? std::string() : reasons_[earliest];
  }

 private:
  const Runbook& runbook_;
  std::vector<int> first_;  ///< per section: index into reasons_, -1 when none
  std::vector<std::string> reasons_;
};

}  // namespace

std::string section_declared_danger(const Runbook& runbook, int section) {
  return SectionDeclarations(runbook).reason_for(section);
}

void resolve_declared_danger(Runbook& runbook) {
  SectionDeclarations declarations(runbook);
  for (Step& step : runbook.steps) {
    auto it = step.attributes.find("danger");
    if (it != step.attributes.end()) step.declared_danger = it->second.empty() ? kNoReason : it->second;
    else step.declared_danger = declarations.reason_for(step.section);
  }
}

void apply_declared_danger(const Runbook& runbook, std::vector<Diagnostic>& diagnostics) {
  SectionDeclarations declarations(runbook);
  for (Diagnostic& d : diagnostics) {
    if (d.category != Category::danger && d.category != Category::secret) continue;
    std::string reason = d.step >= 0 && d.step < static_cast<int>(runbook.steps.size())
                             ? runbook.steps[d.step].declared_danger
                             : declarations.reason_for(runbook.section_at(d.span.begin));
    if (reason.empty()) continue;
    d.severity = Severity::note;
    d.declared = true;
    d.message += " (declared: " + reason + ")";
  }
}

}  // namespace rbc
