#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <ostream>

#include "compiler/emit/reporters/reporter.h"
#include "linter/rule.h"

namespace rbc {
namespace {

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "warning";
}

/// Relative to the working directory, '/'-separated and percent-encoded.
std::string artifact_uri(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path rel = fs::relative(p, fs::current_path(ec), ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) p = rel;
  }
  std::string s = p.lexically_normal().generic_string();
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

void report_sarif(std::ostream& out, const LintRun& run) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  std::map<std::string, size_t> index;
  for (const Rule& r : all_rules()) {
    index[std::string(r.code)] = rules.size();
    std::string help = std::string(r.what) + "\n\nWhy: " + std::string(r.why) + "\n\nInstead: " + std::string(r.instead);
    rules.push_back({{"id", r.code},
                     {"name", r.name},
                     {"shortDescription", {{"text", r.summary}}},
                     {"fullDescription", {{"text", r.what}}},
                     {"help", {{"text", help}, {"markdown", help}}},
                     {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
                     {"properties", {{"tags", json::array({to_string(r.category)})}}}});
  }
  json results = json::array();
  for (const auto& f : run.files) {
    std::vector<std::string> fingerprints = finding_fingerprints(f);
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      json result = {{"ruleId", d.code},
                     {"level", sarif_level(d.severity)},
                     {"message", {{"text", d.help.empty() ? d.message : d.message + ". " + d.help}}},
                     {"locations",
                      json::array({{{"physicalLocation",
                                     {{"artifactLocation", {{"uri", artifact_uri(d.path)}}},
                                      {"region",
                                       {{"startLine", d.start.line},
                                        {"startColumn", d.start.column},
                                        {"endLine", d.end.line},
                                        {"endColumn", d.end.column}}}}}}})}};
      if (auto it = index.find(d.code); it != index.end()) result["ruleIndex"] = it->second;
      // Code scanning matches results across commits by these, not by line.
      result["partialFingerprints"] = {{"runbookcFinding/v1", fingerprints[i]}};
      if (d.fix) {  // SARIF 2.1.0 §3.55: a fix is artifact changes, each a list of replacements
        json replacements = json::array();
        for (const TextEdit& e : d.fix->edits)
          replacements.push_back({{"deletedRegion",
                                   {{"startLine", e.start.line},
                                    {"startColumn", e.start.column},
                                    {"endLine", e.end.line},
                                    {"endColumn", e.end.column}}},
                                  {"insertedContent", {{"text", e.replacement}}}});
        std::string title = d.fix->title + (d.fix->safe ? "" : " (unsafe: changes what a command does)");
        result["fixes"] = json::array({{{"description", {{"text", title}}},
                                        {"artifactChanges",
                                         json::array({{{"artifactLocation", {{"uri", artifact_uri(d.path)}}},
                                                       {"replacements", replacements}}})}}});
      }
      results.push_back(std::move(result));
    }
  }
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs",
               json::array({{{"tool",
                              {{"driver",
                                {{"name", "runbookc"},
                                 {"version", RUNBOOKC_VERSION},
                                 {"semanticVersion", RUNBOOKC_VERSION},
                                 {"rules", rules}}}}},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", results}}})}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace rbc
