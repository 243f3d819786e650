#include "compiler/emit/site/code_block.h"

#include <algorithm>

#include "compiler/emit/site/dom.h"
#include "compiler/emit/site/highlight.h"
#include "compiler/languages/language_registry.h"
#include "compiler/model/url_layout.h"

namespace rbc::site {
namespace {

std::vector<Highlight> highlights_for(const Step& step) {
  const Language* language = language_of(step.kind);
  if (!language || !language->highlight) return {};
  const std::string& text = step.facts.normalized.size() == step.body.size() ? step.facts.normalized : step.body;
  return highlight(*language->highlight, text);
}

/// Appends body bytes [begin, end) to `parent`, wrapped in highlight spans.
void add_highlighted(pugi::xml_node parent, std::string_view body, uint32_t begin, uint32_t end,
                     const std::vector<Highlight>& hl) {
  auto it = std::lower_bound(hl.begin(), hl.end(), begin, [](const Highlight& h, uint32_t b) { return h.end <= b; });
  uint32_t pos = begin;
  for (; it != hl.end() && it->begin < end; ++it) {
    uint32_t b = std::max(it->begin, begin), e = std::min(it->end, end);
    if (pos < b) add_text(parent, body.substr(pos, b - pos));
    add(parent, "span", body.substr(b, e - b), {{"class", "hl-" + it->name}});
    pos = e;
  }
  if (pos < end) add_text(parent, body.substr(pos, end - pos));
}

std::string rule_href(const RunbookView& view, const Diagnostic& d) {
  return view.root + rule_page_url(d.code);
}

void add_finding(pugi::xml_node parent, const char* tag, const Diagnostic& d, const RunbookView& view) {
  std::string cls = std::string("finding sev-") + to_string(d.severity) + " cat-" + to_string(d.category);
  pugi::xml_node f = add(parent, tag, {{"class", cls}});
  add(f, "a", d.code, {{"href", rule_href(view, d)}, {"class", "finding-code"}, {"title", d.rule}});
  add_text(f, " ");
  add(f, "span", d.message, {{"class", "finding-message"}});
  if (!d.help.empty()) {
    add_text(f, " ");
    add(f, "span", d.help, {{"class", "finding-help"}});
  }
}

}  // namespace

void render_step(pugi::xml_node parent, const Step& step, const RunbookView& view) {
  std::string id = "step-" + std::to_string(step.index + 1);
  pugi::xml_node fig = add(parent, "figure", {{"class", std::string("step kind-") + to_string(step.kind)}, {"id", id}});
  pugi::xml_node cap = add(fig, "figcaption", {{"class", "step-head"}});
  add(cap, "span", step.language.empty() ? std::string("text") : step.language, {{"class", "step-lang"}});
  if (auto name = step.attributes.find("name"); name != step.attributes.end())
    add(cap, "span", name->second, {{"class", "step-name"}});
  add(cap, "a", "Step " + std::to_string(step.index + 1), {{"class", "step-link"}, {"href", "#" + id}});
  add(cap, "button", "Copy", {{"type", "button"}, {"class", "copy-button"}, {"data-copy", id + "-code"}});

  if (auto danger = step.attributes.find("danger"); danger != step.attributes.end()) {
    pugi::xml_node panel = add(fig, "div", {{"class", "danger-panel"}, {"role", "note"}});
    add(panel, "strong", "Dangerous step.", {});
    add_text(panel, " ");
    add_text(panel, danger->second.empty() ? std::string("The author marked this step as dangerous.") : danger->second);
  }

  const std::vector<const Diagnostic*>& findings = view.findings_of(step.index);

  const SourceFile& src = *view.runbook.source;
  std::vector<Highlight> hl = highlights_for(step);
  pugi::xml_node pre = add(fig, "pre", {{"class", "code"}});
  pugi::xml_node code = add(pre, "code", {{"id", id + "-code"}});
  std::string_view body = step.body;
  std::vector<bool> shown(findings.size(), false);
  for (uint32_t begin = 0; begin < body.size() || (begin == 0 && body.empty());) {
    uint32_t end = static_cast<uint32_t>(std::min(body.find('\n', begin), body.size()));
    uint32_t file_offset = begin < step.body_to_file.size() ? step.body_to_file[begin] : step.span.begin;
    uint32_t line = src.position(file_offset).line;
    std::vector<size_t> here;
    bool danger = false;
    for (size_t i = 0; i < findings.size(); ++i)
      if (!shown[i] && findings[i]->start.line == line) {
        here.push_back(i);
        shown[i] = true;
        danger = danger || findings[i]->category == Category::danger;
      }
    std::string cls = "line";
    if (!here.empty()) cls += danger ? " flagged danger" : " flagged";
    pugi::xml_node ln = add(code, "span", {{"class", cls}, {"id", id + "-L" + std::to_string(line)}});
    add(ln, "span", std::to_string(line), {{"class", "ln"}, {"aria-hidden", "true"}});
    if (!here.empty()) add(ln, "span", danger ? "⚠" : "●", {{"class", "marker"}, {"title", findings[here[0]]->code}});
    pugi::xml_node lc = add(ln, "span", {{"class", "lc"}});
    add_highlighted(lc, body, begin, end, hl);
    add_text(ln, "\n");
    for (size_t i : here) add_finding(code, "span", *findings[i], view);
    if (end >= body.size()) break;
    begin = end + 1;
  }
  std::vector<const Diagnostic*> rest;
  for (size_t i = 0; i < findings.size(); ++i)
    if (!shown[i]) rest.push_back(findings[i]);
  if (!rest.empty()) {
    pugi::xml_node list = add(fig, "ul", {{"class", "step-findings"}});
    for (const Diagnostic* d : rest) add_finding(list, "li", *d, view);
  }
}

}  // namespace rbc::site
