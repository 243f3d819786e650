#include "compiler/emit/output/runbook_summary.h"

#include <nlohmann/json.hpp>

#include "compiler/model/url_layout.h"

namespace rbc {
namespace {

using json = nlohmann::json;

json metadata_to_json(const Metadata& m) {
  json sources = json::array();
  for (const AlertOrigin& o : m.alert_origins) sources.push_back(json::array({o.name, o.source}));
  return {{"title", m.title},   {"service", m.service}, {"severity", m.severity},
          {"owner", m.owner},   {"alerts", m.alerts},   {"alert_sources", sources}, {"tags", m.tags},
          {"last_reviewed", m.last_reviewed}, {"review_every", m.review_every},
          {"next_review", m.next_review},     {"version", m.version}};
}

Metadata metadata_from_json(const json& j) {
  Metadata m;
  m.title = j.at("title").get<std::string>();
  m.service = j.at("service").get<std::string>();
  m.severity = j.at("severity").get<std::string>();
  m.owner = j.at("owner").get<std::string>();
  m.alerts = j.at("alerts").get<std::vector<std::string>>();
  for (const json& o : j.at("alert_sources")) m.alert_origins.push_back({o.at(0).get<std::string>(), o.at(1).get<std::string>()});
  m.tags = j.at("tags").get<std::vector<std::string>>();
  m.last_reviewed = j.at("last_reviewed").get<std::string>();
  m.review_every = j.at("review_every").get<std::string>();
  m.next_review = j.at("next_review").get<std::string>();
  m.version = j.at("version").get<std::string>();
  return m;
}

json finding_to_json(const Diagnostic& d) {
  return json::array({d.path, d.start.line, d.start.column, d.end.line, d.end.column, static_cast<int>(d.severity),
                      d.code, d.rule, static_cast<int>(d.category), d.message, d.help});
}

Diagnostic finding_from_json(const json& j) {
  Diagnostic d;
  d.path = j.at(0).get<std::string>();
  d.start.line = j.at(1).get<uint32_t>();
  d.start.column = j.at(2).get<uint32_t>();
  d.end.line = j.at(3).get<uint32_t>();
  d.end.column = j.at(4).get<uint32_t>();
  d.severity = static_cast<Severity>(j.at(5).get<int>());
  d.code = j.at(6).get<std::string>();
  d.rule = j.at(7).get<std::string>();
  d.category = static_cast<Category>(j.at(8).get<int>());
  d.message = j.at(9).get<std::string>();
  d.help = j.at(10).get<std::string>();
  return d;
}

}  // namespace

std::optional<Severity> RunbookSummary::worst() const {
  if (!error.empty()) return Severity::error;
  std::optional<Severity> out;
  for (const Diagnostic& d : findings)
    if (!out || d.severity > *out) out = d.severity;
  return out;
}

RunbookSummary summarize(const FileResult& file, const std::string& id) {
  RunbookSummary s;
  s.id = id;
  s.path = file.path;
  s.url = runbook_page_url(id);
  s.title = file.model.title;
  s.metadata = file.runbook.metadata;
  s.metadata.lines.clear();
  s.review_due = file.model.review.due;
  s.days_overdue = file.model.review.days_overdue;
  s.alert_anchors = file.model.alert_anchors;
  s.findings = file.diagnostics;
  for (Diagnostic& d : s.findings) {
    d.span = {};
    d.step = -1;
    d.declared = false;
  }
  s.error = file.error;
  for (const Step& step : file.runbook.steps) ++s.blocks[to_string(step.kind)];
  return s;
}

std::string summary_bytes(const RunbookSummary& s) {
  json findings = json::array();
  for (const Diagnostic& d : s.findings) findings.push_back(finding_to_json(d));
  json doc = {{"format", kSummaryFormat},
              {"id", s.id},
              {"path", s.path},
              {"url", s.url},
              {"title", s.title},
              {"metadata", metadata_to_json(s.metadata)},
              {"review_due", s.review_due ? json(s.review_due->iso()) : json()},
              {"days_overdue", s.days_overdue},
              {"alert_anchors", s.alert_anchors},
              {"findings", std::move(findings)},
              {"error", s.error},
              {"blocks", s.blocks}};
  std::vector<uint8_t> cbor = json::to_cbor(doc);
  return std::string(cbor.begin(), cbor.end());
}

std::optional<RunbookSummary> summary_from_bytes(std::string_view bytes) {
  json doc = json::from_cbor(bytes.begin(), bytes.end(), true, false);
  if (!doc.is_object() || doc.value("format", 0) != kSummaryFormat) return std::nullopt;
  try {
    RunbookSummary s;
    s.id = doc.at("id").get<std::string>();
    s.path = doc.at("path").get<std::string>();
    s.url = doc.at("url").get<std::string>();
    s.title = doc.at("title").get<std::string>();
    s.metadata = metadata_from_json(doc.at("metadata"));
    if (const json& due = doc.at("review_due"); due.is_string()) s.review_due = parse_iso_date(due.get<std::string>());
    s.days_overdue = doc.at("days_overdue").get<long>();
    s.alert_anchors = doc.at("alert_anchors").get<std::vector<std::pair<std::string, std::string>>>();
    for (const json& f : doc.at("findings")) s.findings.push_back(finding_from_json(f));
    s.error = doc.at("error").get<std::string>();
    s.blocks = doc.at("blocks").get<std::map<std::string, size_t>>();
    return s;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace rbc
