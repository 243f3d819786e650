#include "compiler/emit/site/runbook_page.h"

#include "compiler/emit/site/document_renderer.h"
#include "compiler/emit/site/dom.h"
#include "compiler/model/runbook_model.h"

namespace rbc::site {
namespace {


void add_meta(pugi::xml_node dl, std::string_view term, std::string_view value, const char* cls = nullptr) {
  if (value.empty()) return;
  pugi::xml_node div = add(dl, "div");
  add(div, "dt", term, {});
  pugi::xml_node dd = add(div, "dd");
  if (cls) add(dd, "span", value, {{"class", cls}});
  else add_text(dd, value);
}

void add_list_meta(pugi::xml_node dl, std::string_view term, const std::vector<std::string>& items, const char* tag) {
  if (items.empty()) return;
  pugi::xml_node div = add(dl, "div");
  add(div, "dt", term, {});
  pugi::xml_node dd = add(div, "dd");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) add_text(dd, " ");
    add(dd, tag, items[i], {{"class", "chip"}});
  }
}

/// "Alerts": each name, its title saying where the runbook names it.
void add_alerts_meta(pugi::xml_node dl, const Metadata& m) {
  if (m.alerts.empty()) return;
  pugi::xml_node div = add(dl, "div");
  add(div, "dt", "Alerts", {});
  pugi::xml_node dd = add(div, "dd");
  for (size_t i = 0; i < m.alerts.size(); ++i) {
    std::string sources;
    for (const AlertOrigin& o : m.alert_origins)
      if (o.name == m.alerts[i]) sources += (sources.empty() ? "" : ", ") + o.source;
    if (i) add_text(dd, " ");
    add(dd, "code", m.alerts[i], {{"class", "chip"}, {"title", "named by: " + (sources.empty() ? "front_matter" : sources)}});
  }
}

void fill_meta(pugi::xml_node dl, const Runbook& rb, const RunbookPageInput& in) {
  const Metadata& m = rb.metadata;
  if (!m.severity.empty()) add_meta(dl, "Severity", m.severity, ("badge sev-" + m.severity).c_str());
  add_meta(dl, "Service", m.service);
  add_meta(dl, "Owner", m.owner);
  add_alerts_meta(dl, m);
  add_list_meta(dl, "Tags", m.tags, "span");
  if (!m.last_reviewed.empty() || !m.next_review.empty()) {
    pugi::xml_node div = add(dl, "div");
    add(div, "dt", "Last reviewed", {});
    pugi::xml_node dd = add(div, "dd");
    add_text(dd, m.last_reviewed.empty() ? std::string("unknown") : m.last_reviewed);
    if (!m.review_every.empty()) add_text(dd, " (every " + m.review_every + ")");
    if (in.file.model.review.overdue()) {
      add_text(dd, " ");
      add(dd, "span", "review overdue", {{"class", "badge overdue"}});
    }
  }
}

/// Sections by parent, in document order: children[parent + 1] (a scan of
/// every section per entry made the table of contents quadratic).
using SectionChildren = std::vector<std::vector<int>>;

SectionChildren section_children(const Runbook& rb) {
  SectionChildren children(rb.sections.size() + 1);
  for (size_t i = 0; i < rb.sections.size(); ++i) children[rb.sections[i].parent + 1].push_back(static_cast<int>(i));
  return children;
}

void fill_toc(pugi::xml_node ol, const Runbook& rb, const SectionChildren& children, int parent, int title_section,
              int depth) {
  for (int i : children[parent + 1]) {
    const Section& s = rb.sections[i];
    if (i == title_section) {
      fill_toc(ol, rb, children, i, title_section, depth);
      continue;
    }
    pugi::xml_node li = add(ol, "li");
    add(li, "a", s.title, {{"href", "#" + s.anchor}});
    if (depth < 2) {
      pugi::xml_node sub = add(li, "ol");
      fill_toc(sub, rb, children, i, title_section, depth + 1);
      if (!sub.first_child()) li.remove_child(sub);
    }
  }
}

void fill_problems(pugi::xml_node box, const RunbookPageInput& in) {
  const FileResult& f = in.file;
  if (!f.error.empty()) {
    pugi::xml_node p = add(box, "p", {{"class", "file-error"}, {"role", "alert"}});
    add(p, "strong", "This runbook could not be read:", {});
    add_text(p, " " + f.error);
  }
  if (f.diagnostics.empty()) {
    add(box, "p", "No findings.", {{"class", "lint-clean"}});
    return;
  }
  size_t counts[3] = {0, 0, 0};
  for (const Diagnostic& d : f.diagnostics) ++counts[static_cast<int>(d.severity)];
  pugi::xml_node details = add(box, "details", {{"class", "findings-box"}, {"id", "findings"}});
  if (counts[2]) set_attr(details, "open", "open");
  std::string summary = std::to_string(f.diagnostics.size()) + (f.diagnostics.size() == 1 ? " finding" : " findings");
  summary += ": " + std::to_string(counts[2]) + " errors, " + std::to_string(counts[1]) + " warnings, " +
             std::to_string(counts[0]) + " notes";
  add(details, "summary", summary, {});
  pugi::xml_node ul = add(details, "ul");
  for (const Diagnostic& d : f.diagnostics) {
    pugi::xml_node li = add(ul, "li", {{"class", std::string("finding sev-") + to_string(d.severity)}});
    std::string where = "line " + std::to_string(d.start.line);
    if (d.step >= 0) add(li, "a", where, {{"href", "#step-" + std::to_string(d.step + 1) + "-L" + std::to_string(d.start.line)}});
    else add_text(li, where);
    add_text(li, " ");
    add(li, "a", d.code, {{"class", "finding-code"}, {"href", "../rules/" + d.code + ".html"}, {"title", d.rule}});
    add_text(li, " " + d.message);
  }
}

/// Runbooks / folder / sub / Title: each folder links to its group on the index.
void fill_crumbs(pugi::xml_node crumbs, const std::string& folder, const std::string& title) {
  add(crumbs, "a", "Runbooks", {{"href", "../index.html"}});
  size_t begin = 0;
  while (begin < folder.size()) {
    size_t end = folder.find('/', begin);
    if (end == std::string::npos) end = folder.size();
    add_text(crumbs, " / ");
    add(crumbs, "a", folder.substr(begin, end - begin), {{"href", "../" + folder_href(folder.substr(0, end))}});
    begin = end + 1;
  }
  add_text(crumbs, " / ");
  add(crumbs, "span", title, {{"aria-current", "page"}});
}

}  // namespace

int title_section(const Runbook& rb) {
  for (size_t i = 0; i < rb.sections.size(); ++i)
    if (rb.sections[i].level == 1)
      return rb.metadata.title.empty() || rb.sections[i].title == rb.metadata.title ? static_cast<int>(i) : -1;
  return -1;
}

std::string render_runbook_page(const SiteInfo& site, const RunbookPageInput& in) {
  const Runbook& rb = in.file.runbook;
  const std::string& title = in.file.model.title;
  Page page(site, "runbook.xhtml", title, "../");
  page.set_body_class("page-runbook");
  pugi::xml_node c = page.content();

  int title_section = site::title_section(rb);
  pugi::xml_node heading = slot(c, "fill-heading");
  heading.remove_children();
  add_text(heading, title);
  if (title_section >= 0) set_attr(heading, "id", rb.sections[title_section].anchor);

  fill_crumbs(slot(c, "fill-crumbs"), in.folder, title);
  pugi::xml_node path = slot(c, "fill-path");
  path.remove_children();
  add_text(path, in.file.path);

  pugi::xml_node dl = slot(c, "fill-meta");
  fill_meta(dl, rb, in);
  if (!dl.first_child()) dl.parent().remove_child(dl);

  pugi::xml_node script = slot(c, "fill-script");
  if (in.scripts.empty()) {
    script.parent().remove_child(script);
  } else {
    add_text(script, "Run as a script: ");
    for (size_t i = 0; i < in.scripts.size(); ++i) {
      const ScriptLink& link = in.scripts[i];
      if (i > 0) add_text(script, " \u00b7 ");
      std::string label = link.section < 0 ? "whole runbook" : section_label(rb, link.section);
      add(script, "a", label, {{"href", "../" + link.path}, {"download", ""}});
    }
  }

  fill_problems(slot(c, "fill-problems"), in);

  pugi::xml_node toc = slot(c, "fill-toc");
  fill_toc(toc, rb, section_children(rb), -1, title_section, 0);
  if (!toc.first_child()) {
    pugi::xml_node nav = slot(c, "fill-toc-nav");
    nav.parent().remove_child(nav);
  }

  RunbookView view{rb, in.file.diagnostics, "../", title_section, in.pages};
  if (rb.source) render_document(slot(c, "fill-content"), view);
  return page.finish();
}

}  // namespace rbc::site
