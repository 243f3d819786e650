#include "compiler/emit/script/plan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "compiler/base/ascii.h"
#include "compiler/model/long_running.h"
#include "compiler/model/parameters.h"
#include "compiler/emit/script/script.h"

namespace rbc {
namespace {

/// Walks the document in order: the last paragraph read before each code block.
void collect_context(const DocNode& node, std::string& last, std::vector<std::string>& out) {
  if (node.type == DocNode::Type::heading) last.clear();
  if (node.type == DocNode::Type::code_block && node.step >= 0) {
    if (static_cast<size_t>(node.step) < out.size()) out[node.step] = last;
    last.clear();
    return;
  }
  if (node.type == DocNode::Type::paragraph) {
    last = plain_text(node);
    return;
  }
  for (const DocNode& child : node.children) collect_context(child, last, out);
}

std::string shorten(std::string text, size_t limit) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
  return text.substr(0, cut) + "...";
}

bool valid_env_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return name.rfind("RB_", 0) != 0 && !parameter_names(name).env_var.empty();
}

/// The author's reason for accepting a step's danger: Step::declared_danger
/// (fence or section-level declaration) where the IR has it, else the fence's
/// danger="..." attribute.
template <typename S>
std::string declared_danger(const S& step) {
  if constexpr (requires { step.declared_danger; })
    if (!step.declared_danger.empty()) return step.declared_danger;
  if (auto it = step.attributes.find("danger"); it != step.attributes.end())
    return it->second.empty() ? "no reason given" : it->second;
  return "";
}

std::vector<std::string> dangers_of(const Step& step, const std::vector<const Diagnostic*>& findings) {
  std::vector<std::string> out;
  for (const Diagnostic* d : findings)
    if (d->category == Category::danger || d->category == Category::secret)
      out.push_back(d->code + " " + d->rule + ": " + d->message);
  std::string declared = declared_danger(step);
  if (!declared.empty()) out.push_back("declared dangerous by the author: " + declared);
  return out;
}

}  // namespace

bool within_section(const Runbook& runbook, int section, int ancestor) {
  for (int s = section; s >= 0; s = runbook.sections[s].parent)
    if (s == ancestor) return true;
  return false;
}

int find_section(const Runbook& runbook, std::string_view anchor) {
  for (size_t i = 0; i < runbook.sections.size(); ++i)
    if (runbook.sections[i].anchor == anchor) return static_cast<int>(i);
  return -1;
}

PlanIndex::PlanIndex(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics)
    : runbook_(runbook), section_steps_(runbook.sections.size()), context_(runbook.steps.size()),
      findings_(runbook.steps.size()), content_hash_(rbc::content_hash(runbook)) {
  std::string last;
  collect_context(runbook.document, last, context_);
  for (const Diagnostic& d : diagnostics)
    if (d.step >= 0 && static_cast<size_t>(d.step) < findings_.size()) findings_[d.step].push_back(&d);
  for (const Step& step : runbook.steps) {
    all_steps_.push_back(step.index);
    for (int s = step.section; s >= 0; s = runbook.sections[s].parent) section_steps_[s].push_back(step.index);
  }
}

const std::vector<int>& PlanIndex::steps_in(int section) const {
  return section < 0 ? all_steps_ : section_steps_[section];
}

std::vector<PlannedStep> plan_steps(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics,
                                    int section, bool strict) {
  return plan_steps(PlanIndex(runbook, diagnostics), section, strict);
}

std::vector<PlannedStep> plan_steps(const PlanIndex& index, int section, bool strict) {
  const Runbook& runbook = index.runbook();
  std::vector<PlannedStep> out;
  std::set<std::string> set_by_earlier;  // the session carries them to later steps
  for (int i : index.steps_in(section)) {
    const Step& step = runbook.steps[i];
    PlannedStep p;
    p.number = static_cast<int>(out.size()) + 1;
    p.step = step.index;
    p.heading = step.section >= 0 ? runbook.section_path(step.section) : std::string();
    p.context = shorten(index.context(i), 300);
    p.rendered = render_step(step, strict);
    if (p.rendered.runner != "show") {
      p.dangers = dangers_of(step, index.findings(i));
      std::set<std::string> seen;
      for (const std::string& v : step.facts.env_vars)
        if (valid_env_name(v) && !set_by_earlier.count(v) && seen.insert(v).second) p.env.push_back(v);
      if (p.rendered.runner == "shell") {
        set_by_earlier.insert(step.facts.vars_set.begin(), step.facts.vars_set.end());
        for (const Command& c : step.facts.commands) {
          std::string why = runs_until_interrupted(c);
          if (!why.empty() && p.until_interrupted.empty()) p.until_interrupted = why;
          p.needs_terminal = p.needs_terminal || needs_terminal(c);
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<int> incident_sections(const Runbook& runbook) {
  std::set<int> with_steps;
  for (const Step& step : runbook.steps)
    if (step.section >= 0 && render_step(step).runner != "show") with_steps.insert(step.section);
  return {with_steps.begin(), with_steps.end()};
}

std::vector<SectionOutline> section_outline(const PlanIndex& index) {
  const Runbook& rb = index.runbook();
  size_t level_one = 0;
  for (const Section& s : rb.sections) level_one += s.level == 1;
  std::set<int> listed;
  for (int s : incident_sections(rb))
    for (int a = s; a >= 0; a = rb.sections[a].parent) {
      bool title = rb.sections[a].level == 1 && level_one == 1 && a != s;  // see section_label
      if (!title) listed.insert(a);
    }
  std::vector<SectionOutline> out;
  for (int s : listed) {  // sections are numbered in document order
    SectionOutline line;
    line.section = s;
    for (int a = rb.sections[s].parent; a >= 0; a = rb.sections[a].parent) line.depth += listed.count(a) > 0;
    for (const PlannedStep& p : plan_steps(index, s)) {
      if (p.rendered.runner == "show") continue;
      ++line.steps;
      line.dangerous += !p.dangers.empty();
    }
    out.push_back(line);
  }
  return out;
}

bool is_alternative_heading(std::string_view title) {
  size_t i = 0;
  // Numbering ("3.", "3.1", "A)") and emphasis before the first word.
  while (i < title.size() && (std::isdigit(static_cast<unsigned char>(title[i])) || title[i] == '.' || title[i] == ')' ||
                              title[i] == ' ' || title[i] == '*' || title[i] == '_'))
    ++i;
  size_t end = i;
  while (end < title.size() && std::isalpha(static_cast<unsigned char>(title[end]))) ++end;
  std::string first = ascii_lower(title.substr(i, end - i));
  if (end < title.size() && title[end] == ' ')
    for (const char* condition : {"if", "si", "wenn", "falls"})
      if (first == condition) return true;
  // "Option A", "Case 2:", "Scenario 3)", "Alternative B": the word and a short label.
  if (first != "option" && first != "case" && first != "cas" && first != "scenario" && first != "alternative") return false;
  if (end == title.size()) return first == "alternative";
  size_t label = end + (title[end] == ' ' ? 1 : title.size());
  size_t label_end = label;
  while (label_end < title.size() && std::isalnum(static_cast<unsigned char>(title[label_end]))) ++label_end;
  if (label_end == label || label_end - label > 3) return false;
  return label_end == title.size() || title[label_end] == ':' || title[label_end] == ')' || title[label_end] == ' ' ||
         title[label_end] == '.' || title[label_end] == '-';
}

std::vector<AlternativeGroup> alternative_groups(const Runbook& runbook) {
  std::vector<AlternativeGroup> out;
  std::map<int, std::vector<int>> by_parent;  // alternative headings under each parent
  for (size_t i = 0; i < runbook.sections.size(); ++i)
    if (is_alternative_heading(runbook.sections[i].title)) by_parent[runbook.sections[i].parent].push_back(static_cast<int>(i));
  // Declared: every subsection of a heading named (by title or anchor) in `alternatives:`.
  for (size_t i = 0; i < runbook.sections.size(); ++i) {
    const Section& s = runbook.sections[i];
    for (const std::string& named : runbook.metadata.alternatives)
      if (iequals(named, s.title) || named == s.anchor) {
        std::vector<int>& children = by_parent[static_cast<int>(i)];
        children.clear();
        for (size_t c = i + 1; c < runbook.sections.size(); ++c)
          if (runbook.sections[c].parent == static_cast<int>(i)) children.push_back(static_cast<int>(c));
        break;
      }
  }
  for (auto& [parent, sections] : by_parent)
    if (sections.size() >= 2) out.push_back({parent, std::move(sections)});
  std::sort(out.begin(), out.end(), [](const AlternativeGroup& a, const AlternativeGroup& b) { return a.sections[0] < b.sections[0]; });
  return out;
}

}  // namespace rbc
