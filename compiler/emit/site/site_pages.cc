#include "compiler/emit/site/site_pages.h"

#include <map>
#include <memory>
#include <set>

#include "compiler/emit/site/dom.h"
#include "compiler/emit/site/site_nav.h"
#include "compiler/model/url_layout.h"
#include "linter/rule.h"

namespace rbc::site {
namespace {

/// "error", "warning", "note" or "clean": the worst finding of a runbook.
std::string lint_status(const RunbookSummary& entry) {
  std::optional<Severity> worst = entry.worst();
  return worst ? to_string(*worst) : "clean";
}

void fill_options(pugi::xml_node select, const std::set<std::string>& values) {
  for (const std::string& v : values)
    if (!v.empty()) add(select, "option", v, {{"value", v}});
}

void add_severity_badge(pugi::xml_node parent, const std::string& severity) {
  if (severity.empty()) add(parent, "span", "none", {{"class", "badge sev-none"}});
  else add(parent, "span", severity, {{"class", "badge sev-" + severity}});
}

}  // namespace

namespace {

/// One row of the index table.
void add_index_row(pugi::xml_node rows, const RunbookSummary& e, size_t common) {
  const Metadata& md = e.metadata;
  std::string severity = md.severity, lint = lint_status(e);
  bool overdue = e.overdue();
  std::string tag_list;
  for (const std::string& t : md.tags) tag_list += "|" + t;
  pugi::xml_node tr = add(rows, "tr", {{"data-severity", severity}, {"data-service", md.service},
                                       {"data-owner", md.owner}, {"data-tags", tag_list + "|"},
                                       {"data-lint", lint}, {"data-title", e.title}});
  if (overdue) set_attr(tr, "class", "overdue");
  pugi::xml_node title_cell = add(tr, "td");
  add(title_cell, "a", e.title, {{"href", e.url}});
  add(title_cell, "span", e.path.substr(std::min(common, e.path.size())), {{"class", "path"}});
  pugi::xml_node sev = add(tr, "td", {{"data-value", severity.empty() ? std::string("P9") : severity}});
  add_severity_badge(sev, severity);
  add(tr, "td", md.service, {});
  add(tr, "td", md.owner, {});
  pugi::xml_node alerts = add(tr, "td", {{"class", "alerts"}});
  for (const std::string& a : md.alerts) {
    add(alerts, "code", a, {});
    add_text(alerts, " ");
  }
  pugi::xml_node reviewed = add(tr, "td", md.last_reviewed, {{"data-value", md.last_reviewed}});
  if (overdue) {
    add_text(reviewed, " ");
    add(reviewed, "span", "overdue", {{"class", "badge overdue"}});
  }
  size_t findings = e.findings.size();
  static const std::map<std::string, std::string> kOrder = {{"clean", "0"}, {"note", "1"}, {"warning", "2"}, {"error", "3"}};
  pugi::xml_node lint_cell = add(tr, "td", {{"data-value", kOrder.at(lint)}});
  add(lint_cell, "span", lint == "clean" ? std::string("clean") : std::to_string(findings) + (findings == 1 ? " finding" : " findings"),
      {{"class", "lint lint-" + lint}});
}

/// A group of the index table: a <tbody> whose first row names the folder.
pugi::xml_node add_index_group(pugi::xml_node table, const std::string& folder, size_t count) {
  pugi::xml_node body = add(table, "tbody", {{"class", "group"}, {"id", folder_anchor(folder)}});
  pugi::xml_node head = add(add(body, "tr", {{"class", "group-head"}}), "th", {{"colspan", "7"}, {"scope", "rowgroup"}});
  add(head, "button", folder.empty() ? std::string("(top folder)") : folder,
      {{"type", "button"}, {"class", "group-toggle"}, {"aria-expanded", "true"}});
  add(head, "span", std::to_string(count) + (count == 1 ? " runbook" : " runbooks"), {{"class", "group-count"}});
  return body;
}

}  // namespace

std::string render_index_page(const SiteModel& site) {
  Page page(site.info, "index.xhtml", site.info.title, "");
  page.set_body_class("page-index");
  pugi::xml_node c = page.content();
  pugi::xml_node heading = slot(c, "fill-heading");
  heading.remove_children();
  add_text(heading, site.info.title);

  std::set<std::string> severities, services, owners, tags;
  std::map<std::string, size_t> per_severity;
  size_t overdue_count = 0;
  std::vector<std::string> paths;
  for (const RunbookSummary& e : site.entries) paths.push_back(e.path);
  const size_t common = common_directory_length(paths);
  std::map<std::string, std::vector<const RunbookSummary*>> by_folder;  // sorted by folder, then path order
  for (const RunbookSummary& e : site.entries) {
    const Metadata& md = e.metadata;
    overdue_count += e.overdue();
    severities.insert(md.severity);
    services.insert(md.service);
    owners.insert(md.owner);
    tags.insert(md.tags.begin(), md.tags.end());
    ++per_severity[md.severity.empty() ? "none" : md.severity];
    by_folder[runbook_folder(e.path, common)].push_back(&e);
  }
  pugi::xml_node table = slot(c, "runbook-table");
  for (const auto& [folder, entries] : by_folder) {
    pugi::xml_node rows = add_index_group(table, folder, entries.size());
    for (const RunbookSummary* e : entries) add_index_row(rows, *e, common);
  }
  fill_options(slot(c, "fill-f-severity"), severities);
  fill_options(slot(c, "fill-f-service"), services);
  fill_options(slot(c, "fill-f-owner"), owners);
  fill_options(slot(c, "fill-f-tag"), tags);
  services.erase("");
  if (services.empty()) {  // nothing to group by but folders
    pugi::xml_node group_by = slot(c, "fill-group-by");
    group_by.parent().remove_child(group_by);
  }

  pugi::xml_node counts = slot(c, "fill-counts");
  add(counts, "span", std::to_string(site.entries.size()) + " runbooks in " + std::to_string(by_folder.size()) +
                          (by_folder.size() == 1 ? " folder" : " folders"), {{"class", "count-total"}});
  for (const auto& [sev, n] : per_severity) {
    pugi::xml_node s = add(counts, "span", {{"class", "count"}});
    add_severity_badge(s, sev == "none" ? std::string() : sev);
    add_text(s, " " + std::to_string(n));
  }
  if (overdue_count) add(counts, "span", std::to_string(overdue_count) + (overdue_count == 1 ? " review overdue" : " reviews overdue"), {{"class", "badge overdue"}});
  return page.finish();
}

std::string render_search_page(const SiteModel& site) {
  Page page(site.info, "search.xhtml", "Search", "");
  page.set_body_class("page-search");
  return page.finish();
}

namespace {

/// What the lint report's summary states about one rule.
struct RuleTally {
  std::string name;
  size_t findings[3] = {0, 0, 0};  ///< by Severity
  std::set<std::string> files;
};

/// The severities present, worst first, as the rows' data-severity lists them ("|error|note|").
std::string severity_list(const size_t counts[3]) {
  std::string out = "|";
  for (int s = 2; s >= 0; --s)
    if (counts[s]) out += std::string(to_string(static_cast<Severity>(s))) + "|";
  return out;
}

void add_rule_rows(pugi::xml_node c, const std::map<std::string, RuleTally>& rules) {
  pugi::xml_node rows = slot(c, "fill-rules");
  pugi::xml_node options = slot(c, "fill-f-rule");
  for (const auto& [code, t] : rules) {
    add(options, "option", code + " " + t.name, {{"value", code}});
    pugi::xml_node tr = add(rows, "tr", {{"data-rule", code}, {"data-severity", severity_list(t.findings)},
                                         {"data-text", code + " " + t.name}});
    add(add(tr, "td"), "a", code, {{"href", rule_page_url(code)}});
    add(tr, "td", t.name, {});
    pugi::xml_node sev = add(tr, "td");
    for (int s = 2; s >= 0; --s) {
      if (!t.findings[s]) continue;
      std::string name = to_string(static_cast<Severity>(s));
      add(sev, "span", name, {{"class", "lint lint-" + name}});
      add_text(sev, " ");
    }
    add(tr, "td", std::to_string(t.findings[0] + t.findings[1] + t.findings[2]), {{"class", "num"}});
    add(tr, "td", std::to_string(t.files.size()), {{"class", "num"}});
  }
}

}  // namespace

std::string render_lint_page(const SiteModel& site) {
  Page page(site.info, "lint.xhtml", "Lint report", "");
  page.set_body_class("page-lint");
  pugi::xml_node c = page.content();
  size_t counts[3] = {0, 0, 0}, files_with = 0;
  std::map<std::string, RuleTally> rules;
  pugi::xml_node files = slot(c, "fill-files");
  for (const RunbookSummary& e : site.entries) {
    if (e.findings.empty() && e.error.empty()) continue;
    ++files_with;
    size_t file_counts[3] = {0, 0, 0};
    for (const Diagnostic& d : e.findings) {
      int s = static_cast<int>(d.severity);
      ++file_counts[s];
      ++counts[s];
      RuleTally& t = rules[d.code];
      t.name = d.rule;
      ++t.findings[s];
      t.files.insert(e.path);
    }
    // Collapsed: the summary line says where and how bad; the findings open on demand.
    pugi::xml_node sec = add(files, "details", {{"class", "lint-file"}, {"data-path", e.path}});
    pugi::xml_node summary = add(sec, "summary");
    add(summary, "span", e.path, {{"class", "lint-path"}});
    add_text(summary, " ");
    for (int s = 2; s >= 0; --s) {
      if (!file_counts[s]) continue;
      std::string name = to_string(static_cast<Severity>(s));
      add(summary, "span", std::to_string(file_counts[s]) + " " + name + (file_counts[s] == 1 ? "" : "s"),
          {{"class", "lint lint-" + name}});
      add_text(summary, " ");
    }
    if (!e.error.empty()) add(summary, "span", "unreadable", {{"class", "lint lint-error"}});
    pugi::xml_node body = add(sec, "div", {{"class", "lint-file-body"}});
    add(add(body, "p"), "a", "Open " + e.title, {{"href", e.url}});
    if (!e.error.empty()) add(body, "p", e.error, {{"class", "file-error"}});
    if (e.findings.empty()) continue;
    pugi::xml_node wrap = add(body, "div", {{"class", "table-wrap"}});
    pugi::xml_node table = add(wrap, "table", {{"class", "findings-table"}});
    pugi::xml_node hr = add(add(table, "thead"), "tr");
    for (const char* col : {"Line", "Severity", "Rule", "Message"}) add(hr, "th", col, {{"scope", "col"}});
    pugi::xml_node tbody = add(table, "tbody");
    for (const Diagnostic& d : e.findings) {
      std::string sev = to_string(d.severity);
      pugi::xml_node tr = add(tbody, "tr", {{"class", "sev-" + sev}, {"data-rule", d.code}, {"data-severity", sev}});
      add(tr, "td", std::to_string(d.start.line) + ":" + std::to_string(d.start.column), {});
      add(add(tr, "td"), "span", sev, {{"class", "lint lint-" + sev}});
      add(add(tr, "td"), "a", d.code + " " + d.rule, {{"href", rule_page_url(d.code)}});
      pugi::xml_node msg = add(tr, "td");
      add_text(msg, d.message);
      if (!d.help.empty()) add(msg, "span", d.help, {{"class", "finding-help"}});
    }
  }
  if (!files_with) add(files, "p", "No findings in any runbook.", {{"class", "lint-clean"}});
  add_rule_rows(c, rules);
  add_text(slot(c, "fill-counts"), std::to_string(site.entries.size()) + " runbooks, " + std::to_string(files_with) +
                                       " with findings: " + std::to_string(counts[2]) + " errors, " +
                                       std::to_string(counts[1]) + " warnings, " + std::to_string(counts[0]) + " notes.");
  return page.finish();
}

namespace {

/// (runbook entry, finding) pairs for each rule code.
using FindingsByCode =
    std::map<std::string, std::vector<std::pair<const RunbookSummary*, const Diagnostic*>>, std::less<>>;

FindingsByCode findings_by_code(const SiteModel& site) {
  FindingsByCode out;
  for (const RunbookSummary& e : site.entries)
    for (const Diagnostic& d : e.findings) out[d.code].push_back({&e, &d});
  return out;
}

size_t count_for(const FindingsByCode& by_code, std::string_view code) {
  auto it = by_code.find(code);
  return it == by_code.end() ? 0 : it->second.size();
}

std::string render_rules_page(const SiteModel& site, const FindingsByCode& by_code) {
  Page page(site.info, "rules.xhtml", "Rules", "../");
  page.set_body_class("page-rules");
  pugi::xml_node rows = slot(page.content(), "fill-rows");
  for (const Rule& r : all_rules()) {
    std::string code(r.code);
    pugi::xml_node tr = add(rows, "tr");
    add(add(tr, "td"), "a", code, {{"href", code + ".html"}});
    add(tr, "td", r.name, {});
    add(tr, "td", to_string(r.category), {});
    add(add(tr, "td"), "span", to_string(r.severity), {{"class", std::string("lint lint-") + to_string(r.severity)}});
    add(tr, "td", r.summary, {});
    add(tr, "td", std::to_string(count_for(by_code, code)), {});
  }
  return page.finish();
}

std::string render_rule_page(const SiteModel& site, const Rule& r, const FindingsByCode& by_code) {
  std::string code(r.code);
  Page page(site.info, "rule.xhtml", code + " " + std::string(r.name), "../");
  page.set_body_class("page-rule");
  pugi::xml_node c = page.content();
  pugi::xml_node code_node = slot(c, "fill-code");
  code_node.remove_children();
  add_text(code_node, code);
  pugi::xml_node h = slot(c, "fill-heading");
  h.remove_children();
  add_text(h, code + " " + std::string(r.name));
  pugi::xml_node tags = slot(c, "fill-tags");
  add(tags, "span", to_string(r.category), {{"class", "chip"}});
  add_text(tags, " ");
  add(tags, "span", std::string(to_string(r.severity)) + " by default", {{"class", std::string("lint lint-") + to_string(r.severity)}});
  add_text(slot(c, "fill-summary"), r.summary);
  add_text(slot(c, "fill-what"), r.what);
  add_text(slot(c, "fill-why"), r.why);
  add_text(slot(c, "fill-instead"), r.instead);
  add_text(slot(c, "fill-bad"), r.bad.markdown);
  add_text(slot(c, "fill-good"), r.good.markdown);
  pugi::xml_node list_box = slot(c, "fill-findings");
  auto found = by_code.find(code);
  if (found == by_code.end()) {
    add(list_box, "p", "None.", {});
  } else {
    pugi::xml_node ul = add(list_box, "ul");
    for (const auto& [e, d] : found->second) {
      pugi::xml_node li = add(ul, "li");
      add(li, "a", e->title, {{"href", "../" + e->url}});
      add_text(li, ", line " + std::to_string(d->start.line) + ": " + d->message);
    }
  }
  return page.finish();
}

}  // namespace

std::vector<AggregateFile> aggregate_files(const SiteModel& site) {
  auto by_code = std::make_shared<const FindingsByCode>(findings_by_code(site));
  std::vector<AggregateFile> out = {
      {"index.html", [&site] { return render_index_page(site); }},
      {"search.html", [&site] { return render_search_page(site); }},
      {"lint.html", [&site] { return render_lint_page(site); }},
      {"rules/index.html", [&site, by_code] { return render_rules_page(site, *by_code); }},
      {"assets/nav-data.js", [&site] { return nav_data_script(site.entries); }},
  };
  for (const Rule& r : all_rules())
    out.push_back({rule_page_url(r.code), [&site, &r, by_code] { return render_rule_page(site, r, *by_code); }});
  return out;
}

namespace {

std::vector<std::string_view> array_script(std::string_view opening, const std::vector<std::string_view>& documents) {
  std::vector<std::string_view> out = {opening};
  out.reserve(2 * documents.size() + 1);
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i) out.push_back(",");
    out.push_back(documents[i]);
  }
  out.push_back("];\n");
  return out;
}

}  // namespace

std::vector<std::string_view> search_data_script(const std::vector<std::string_view>& documents) {
  return array_script("window.RUNBOOKC_SEARCH = [", documents);
}

std::vector<std::string_view> search_text_script(const std::vector<std::string_view>& bodies) {
  return array_script("window.RUNBOOKC_SEARCH_TEXT = [", bodies);
}

}  // namespace rbc::site
