#include "compiler/emit/index/json_index.h"

#include "compiler/emit/script/runbook_scripts.h"
#include "compiler/syntax/slug.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "compiler/emit/reporters/json_diagnostic.h"
#include "linter/rule.h"

namespace rbc {
namespace {

std::string step_title_anchor(const Runbook& rb, const std::string& alert) {
  for (const Section& s : rb.sections)
    if (s.title.find(alert) != std::string::npos) return s.anchor;
  return {};
}

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

}  // namespace

ojson runbook_entry(const FileResult& f, const std::string& id, bool list_scripts) {
  const Runbook& rb = f.runbook;
  ojson sections = ojson::array();
  for (const Section& s : rb.sections)
    sections.push_back({{"title", s.title}, {"level", s.level}, {"anchor", s.anchor}, {"line", s.line}, {"parent", s.parent}});
  ojson steps = ojson::array();
  for (const Step& s : rb.steps) steps.push_back(step_json(s));
  ojson findings = ojson::array();
  for (const Diagnostic& d : f.diagnostics) findings.push_back(diagnostic_to_json(d));
  ojson::object_t anchors;  // first mention of each alert, in order (ordered_json would search per insertion)
  std::unordered_set<std::string_view> named;
  for (const std::string& a : rb.metadata.alerts)
    if (named.insert(a).second) anchors.Container::emplace_back(a, step_title_anchor(rb, a));
  ojson alert_anchors(std::move(anchors));
  ojson scripts = ojson::array();
  if (list_scripts)
    for (const RunbookScript& script : runbook_scripts(f, id))
    scripts.push_back({{"section", script.section < 0 ? ojson() : ojson(rb.sections[script.section].anchor)},
                       {"path", script.path}});
  std::string title = rb.metadata.title;
  if (title.empty())
    for (const Section& s : rb.sections)
      if (s.level == 1) {
        title = s.title;
        break;
      }
  if (title.empty()) title = f.path.substr(f.path.find_last_of('/') + 1);
  return {{"id", id},
          {"path", f.path},
          {"url", "runbooks/" + id + ".html"},
          {"title", title},
          {"metadata", metadata_json(rb.metadata)},
          {"alert_anchors", alert_anchors},
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

ojson entry_summary(const ojson& entry) {
  ojson out = ojson::object();
  for (const auto& [key, value] : entry.items())
    if (key != "sections" && key != "steps") out[key] = value;
  std::map<std::string, size_t> blocks;
  for (const ojson& s : entry["steps"]) ++blocks[s["kind"].get<std::string>()];
  ojson blocks_json = ojson::object();
  for (const auto& [kind, n] : blocks) blocks_json[kind] = n;
  out["blocks"] = std::move(blocks_json);
  return out;
}

ojson alerts_index(const std::vector<ojson>& summaries, const std::string& base_url) {
  std::map<std::string, ojson> alerts;
  for (const ojson& e : summaries) {
    std::unordered_map<std::string_view, std::string_view> anchors;  // a lookup per alert, not a search
    if (const ojson& listed = e["alert_anchors"]; listed.is_object())
      for (const auto& [name, anchor] : listed.items())
        if (anchor.is_string()) anchors.emplace(name, anchor.get_ref<const std::string&>());
    for (const auto& a : e["metadata"]["alerts"]) {
      std::string name = a.get<std::string>();
      auto found = anchors.find(name);
      std::string anchor = found == anchors.end() ? std::string() : std::string(found->second);
      std::string url = base_url + e["url"].get<std::string>() + (anchor.empty() ? "" : "#" + anchor);
      auto& list = alerts[name];
      if (list.is_null()) list = ojson::array();
      list.push_back({{"runbook", e["id"]}, {"title", e["title"]}, {"url", url}, {"anchor", anchor}});
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
                     {"url", "rules/" + std::string(r.code) + ".html"}});
  return {{"version", 1}, {"rules", rules}};
}

ojson lint_index(const std::vector<ojson>& summaries) {
  ojson diagnostics = ojson::array();
  size_t files = 0, counts[3] = {0, 0, 0};
  std::map<std::string, size_t> by_code, blocks;
  ojson io_errors = ojson::array();
  for (const ojson& e : summaries) {
    const std::string& error = e["error"].get_ref<const std::string&>();
    if (!error.empty()) {
      io_errors.push_back(error);
      continue;
    }
    ++files;
    for (const auto& [kind, n] : e["blocks"].items()) blocks[kind] += n.get<size_t>();
    for (const ojson& d : e["findings"]) {
      diagnostics.push_back(d);
      auto sev = severity_from_string(d["severity"].get<std::string>());
      ++counts[static_cast<int>(sev.value_or(Severity::error))];
      ++by_code[d["code"].get<std::string>()];
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

std::vector<std::string> runbook_ids(const std::vector<std::string>& paths) {
  size_t common = std::string::npos;
  for (const std::string& p : paths) {
    size_t dir = p.find_last_of('/');
    size_t len = dir == std::string::npos ? 0 : dir + 1;
    if (common == std::string::npos) {
      common = len;
      continue;
    }
    size_t n = 0;
    while (n < std::min(common, len) && paths.front()[n] == p[n]) ++n;
    while (n > 0 && p[n - 1] != '/') --n;
    common = n;
  }
  if (common == std::string::npos) common = 0;
  std::vector<std::string> natural;
  for (const std::string& p : paths) {
    std::string rest = p.substr(std::min(common, p.size()));
    if (rest.size() > 3 && rest.ends_with(".md")) rest.resize(rest.size() - 3);
    std::string id;
    for (char c : rest) {
      unsigned char u = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(c)));
      char kept = (std::isalnum(u) || u == '.' || u == '_' || u == '-') && u < 0x80 ? static_cast<char>(u) : '-';
      // No "--" in an id: section scripts are named id--anchor, so an id
      // holding "--" could name another runbook's section script.
      if (kept != '-' || id.empty() || id.back() != '-') id += kept;
    }
    while (!id.empty() && id.front() == '.') id.erase(0, 1);
    if (id.empty()) id = "runbook";
    natural.push_back(file_name_part(id));
  }
  // A repeated id gets -2, -3...: the first number that is nobody's id, so
  // A.md, a-2.md, a.md give a, a-2, a-3 (every id names a page file).
  std::set<std::string> natural_ids(natural.begin(), natural.end()), given;
  std::map<std::string, int> repeats;
  std::vector<std::string> ids;
  for (const std::string& id : natural) {
    std::string chosen = id;
    if (given.count(id)) {
      int& n = repeats.try_emplace(id, 1).first->second;
      do chosen = id + "-" + std::to_string(++n);
      while (natural_ids.count(chosen) || given.count(chosen));
    }
    given.insert(chosen);
    ids.push_back(std::move(chosen));
  }
  return ids;
}

std::string dump_json(const ojson& doc) {
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace rbc
