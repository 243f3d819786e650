#include "compiler/emit/index/json_index.h"

#include "compiler/model/url_layout.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "linter/diagnostic_json.h"
#include "linter/rule.h"

namespace rbc {
namespace {

ojson metadata_json(const Metadata& m) {
  return {{"title", m.title},           {"service", m.service},       {"severity", m.severity},
          {"owner", m.owner},           {"alerts", m.alerts},         {"tags", m.tags},
          {"last_reviewed", m.last_reviewed}, {"review_every", m.review_every}, {"next_review", m.next_review},
          {"version", m.version}};
}

ojson step_json(const Step& s) {
  ojson placeholders = ojson::array();
  std::set<std::string> seen;
  for (const Placeholder& p : s.facts.placeholders)
    if (seen.insert(p.name).second) placeholders.push_back({{"name", p.name}, {"written", p.written}});
  ojson attributes = ojson::object();
  for (const auto& [k, v] : s.attributes) attributes[k] = v;
  std::vector<std::string> env = s.facts.env_vars;
  std::sort(env.begin(), env.end());
  env.erase(std::unique(env.begin(), env.end()), env.end());
  return {{"index", s.index},
          {"language", s.language},
          {"kind", to_string(s.kind)},
          {"line", s.line},
          {"section", s.section},
          {"attributes", attributes},
          {"placeholders", placeholders},
          {"environment_variables", env}};
}


ojson review_json(const ReviewStatus& review) {
  return {{"due", review.due ? ojson(review.due->iso()) : ojson()}, {"days_overdue", review.days_overdue}};
}

}  // namespace

ojson runbook_entry(const FileResult& f, const std::string& id, const std::vector<ScriptLink>& script_links) {
  const Runbook& rb = f.runbook;
  ojson sections = ojson::array();
  for (const Section& s : rb.sections)
    sections.push_back({{"title", s.title}, {"level", s.level}, {"anchor", s.anchor}, {"line", s.line}, {"parent", s.parent}});
  ojson steps = ojson::array();
  for (const Step& s : rb.steps) steps.push_back(step_json(s));
  ojson findings = ojson::array();
  for (const Diagnostic& d : f.diagnostics) findings.push_back(diagnostic_to_json(d));
  ojson::object_t anchors;  // built in order (ordered_json would search per insertion)
  for (const auto& [alert, anchor] : f.model.alert_anchors) anchors.Container::emplace_back(alert, anchor);
  ojson alert_anchors(std::move(anchors));
  ojson alert_sources = ojson::array();
  for (const AlertOrigin& o : rb.metadata.alert_origins)
    alert_sources.push_back({{"name", o.name}, {"source", o.source}, {"line", o.line}});
  ojson scripts = ojson::array();
  for (const ScriptLink& script : script_links)
    scripts.push_back({{"section", script.section < 0 ? ojson() : ojson(rb.sections[script.section].anchor)},
                       {"path", script.path}});
  return {{"id", id},
          {"path", f.path},
          {"url", runbook_page_url(id)},
          {"title", f.model.title},
          {"metadata", metadata_json(rb.metadata)},
          {"review", review_json(f.model.review)},
          {"alert_anchors", alert_anchors},
          {"alert_sources", alert_sources},
          {"sections", sections},
          {"steps", steps},
          {"findings", findings},
          {"error", f.error},
          {"scripts", scripts}};
}

std::string runbook_entry_text(const ojson& entry) {
  constexpr std::string_view kIndent = "    ";  // inside {"runbooks": [ ... ]}
  std::string flat = entry.dump(2, ' ', false, ojson::error_handler_t::replace);
  std::string out;
  out.reserve(flat.size() + flat.size() / 8);
  out += kIndent;
  for (char c : flat) {
    out += c;
    if (c == '\n') out += kIndent;  // JSON strings hold no raw newline
  }
  return out;
}

std::vector<std::string_view> runbooks_index_pieces(const std::vector<std::string_view>& entry_texts) {
  if (entry_texts.empty()) return {"{\n  \"version\": 1,\n  \"runbooks\": []\n}\n"};
  std::vector<std::string_view> out = {"{\n  \"version\": 1,\n  \"runbooks\": [\n"};
  out.reserve(2 * entry_texts.size() + 1);
  for (size_t i = 0; i < entry_texts.size(); ++i) {
    if (i) out.push_back(",\n");
    out.push_back(entry_texts[i]);
  }
  out.push_back("\n  ]\n}\n");
  return out;
}

std::string runbooks_index_text(const std::vector<std::string_view>& entry_texts) {
  std::string out;
  for (std::string_view piece : runbooks_index_pieces(entry_texts)) out += piece;
  return out;
}

ojson alerts_index(const std::vector<RunbookSummary>& summaries, const std::string& base_url) {
  std::map<std::string, ojson> alerts;
  for (const RunbookSummary& e : summaries) {
    std::unordered_map<std::string_view, std::string_view> anchors;  // a lookup per alert, not a search
    for (const auto& [name, anchor] : e.alert_anchors) anchors.emplace(name, anchor);
    std::unordered_map<std::string_view, std::string_view> sources;  // the first source naming it
    for (const AlertOrigin& o : e.metadata.alert_origins) sources.emplace(o.name, o.source);
    for (const std::string& name : e.metadata.alerts) {
      auto found = anchors.find(name);
      std::string anchor = found == anchors.end() ? std::string() : std::string(found->second);
      std::string url = base_url + e.url + (anchor.empty() ? "" : "#" + anchor);
      auto& list = alerts[name];
      if (list.is_null()) list = ojson::array();
      auto source = sources.find(name);
      list.push_back({{"runbook", e.id},
                      {"title", e.title},
                      {"url", url},
                      {"anchor", anchor},
                      {"source", source == sources.end() ? "front_matter" : std::string(source->second)}});
    }
  }
  ojson out(ojson::object_t(alerts.begin(), alerts.end()));  // keys distinct and sorted already
  return {{"version", 1}, {"alerts", out}};
}

ojson rules_index() {
  ojson rules = ojson::array();
  for (const Rule& r : all_rules())
    rules.push_back({{"code", r.code},
                     {"name", r.name},
                     {"category", to_string(r.category)},
                     {"severity", to_string(r.severity)},
                     {"summary", r.summary},
                     {"what", r.what},
                     {"why", r.why},
                     {"instead", r.instead},
                     {"bad_example", r.bad.markdown},
                     {"good_example", r.good.markdown},
                     {"url", rule_page_url(r.code)}});
  return {{"version", 1}, {"rules", rules}};
}

ojson lint_index(const std::vector<RunbookSummary>& summaries) {
  ojson diagnostics = ojson::array();
  size_t files = 0, counts[3] = {0, 0, 0};
  std::map<std::string, size_t> by_code, blocks;
  ojson io_errors = ojson::array();
  for (const RunbookSummary& e : summaries) {
    if (!e.error.empty()) {
      io_errors.push_back(e.error);
      continue;
    }
    ++files;
    for (const auto& [kind, n] : e.blocks) blocks[kind] += n;
    for (const Diagnostic& d : e.findings) {
      diagnostics.push_back(diagnostic_to_json(d));
      ++counts[static_cast<int>(d.severity)];
      ++by_code[d.code];
    }
  }
  ojson by_code_json = ojson::object(), blocks_json = ojson::object();
  for (const auto& [k, n] : by_code) by_code_json[k] = n;
  for (const auto& [k, n] : blocks) blocks_json[k] = n;
  return {{"version", 1},
          {"diagnostics", diagnostics},
          {"summary",
           {{"files", files},
            {"errors", counts[2]},
            {"warnings", counts[1]},
            {"notes", counts[0]},
            {"by_code", by_code_json},
            {"blocks", blocks_json},
            {"io_errors", io_errors}}}};
}

std::string dump_json(const ojson& doc) {
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace rbc
