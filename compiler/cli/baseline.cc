#include "compiler/cli/baseline.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "compiler/base/file_io.h"
#include "compiler/emit/reporters/reporter.h"

namespace rbc {
namespace fs = std::filesystem;
namespace {

constexpr int kBaselineVersion = 1;

/// A finding's file as the baseline names it: relative to the baseline's directory.
std::string baseline_path(const std::string& finding_path, const fs::path& baseline_dir) {
  std::error_code ec;
  fs::path relative = fs::relative(fs::absolute(finding_path, ec), baseline_dir, ec);
  return ec || relative.empty() ? fs::path(finding_path).generic_string() : relative.generic_string();
}

fs::path directory_of(const std::string& file) { return fs::absolute(fs::path(file)).parent_path(); }

using Key = std::tuple<std::string, std::string, std::string>;  // path, code, fingerprint

}  // namespace

void write_baseline(const std::string& file, const LintRun& run) {
  fs::path dir = directory_of(file);
  std::vector<BaselineEntry> entries;
  for (const FileResult& f : run.files) {
    std::vector<std::string> fingerprints = finding_fingerprints(f);
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      entries.push_back({baseline_path(d.path, dir), d.code, fingerprints[i], d.start.line, d.message});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.line, a.code, a.fingerprint) < std::tie(b.path, b.line, b.code, b.fingerprint);
  });
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry& e : entries)
    findings.push_back({{"path", e.path}, {"code", e.code}, {"fingerprint", e.fingerprint}, {"line", e.line},
                        {"message", e.message}});
  nlohmann::ordered_json doc = {{"runbookc_baseline", kBaselineVersion}, {"findings", findings}};
  replace_file(file, doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

std::optional<BaselineOutcome> apply_baseline(const std::string& file, LintRun& run, std::string& error) {
  std::string bytes;
  if (!read_file(file, bytes)) {
    error = file + ": cannot read the baseline";
    return std::nullopt;
  }
  nlohmann::json doc = nlohmann::json::parse(bytes, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("runbookc_baseline", 0) != kBaselineVersion ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    error = file + ": not a runbookc baseline (write one with --write-baseline " + file + ")";
    return std::nullopt;
  }
  // How many times each (path, code, fingerprint) is known, and the entries themselves.
  std::map<Key, std::vector<BaselineEntry>> known;
  for (const nlohmann::json& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("path") || !e["path"].is_string() || !e.contains("code") ||
        !e["code"].is_string() || !e.contains("fingerprint") || !e["fingerprint"].is_string()) {
      error = file + ": a finding without a path, code and fingerprint: " + e.dump();
      return std::nullopt;
    }
    BaselineEntry entry{e["path"], e["code"], e["fingerprint"], e.value("line", 0u), e.value("message", "")};
    known[{entry.path, entry.code, entry.fingerprint}].push_back(std::move(entry));
  }
  fs::path dir = directory_of(file);
  BaselineOutcome outcome;
  std::set<std::string> linted;
  for (FileResult& f : run.files) {
    std::vector<std::string> fingerprints = finding_fingerprints(f);
    std::vector<Diagnostic> kept;
    std::string path = baseline_path(f.path, dir);
    linted.insert(path);
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
      auto it = known.find({path, f.diagnostics[i].code, fingerprints[i]});
      if (it != known.end() && !it->second.empty()) {
        it->second.pop_back();
        ++outcome.known;
      } else {
        kept.push_back(std::move(f.diagnostics[i]));
      }
    }
    f.diagnostics = std::move(kept);
  }
  for (auto& [key, left] : known)
    if (linted.count(std::get<0>(key)))
      for (BaselineEntry& e : left) outcome.stale.push_back(std::move(e));
  std::sort(outcome.stale.begin(), outcome.stale.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.line, a.code) < std::tie(b.path, b.line, b.code);
  });
  return outcome;
}

}  // namespace rbc
