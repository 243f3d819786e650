#include "linter/alerts_check.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "compiler/syntax/alert_rules.h"
#include "linter/rule.h"
#include "linter/runbook_urls.h"

namespace rbc {
namespace {

/// Builds findings of the alert-check rules under the configuration.
class Findings {
 public:
  explicit Findings(const Config& config) : config_(config) {}

  /// A finding at 1-based `line`:`column`, `length` bytes long (clipped to the line).
  void add(FileResult& file, std::string_view code, uint32_t line, uint32_t column, size_t length, std::string message,
           std::string help) {
    const Rule* rule = find_rule(code);
    if (!rule || !config_.enabled(*rule) || config_.ignored_in(file.path, *rule)) return;
    const SourceFile& src = *file.runbook.source;
    line = std::clamp<uint32_t>(line, 1, std::max<uint32_t>(src.line_count(), 1));
    std::string_view text = src.line_text(line);
    uint32_t begin = src.line_start(line) + std::min<uint32_t>(column - 1, static_cast<uint32_t>(text.size()));
    uint32_t end = std::min<uint32_t>(begin + static_cast<uint32_t>(std::max<size_t>(length, 1)),
                                      src.line_start(line) + static_cast<uint32_t>(text.size()));
    Diagnostic d;
    d.path = file.path;
    d.span = {begin, std::max(end, begin)};
    d.start = src.position(d.span.begin);
    d.end = src.position(d.span.end);
    if (d.span.end == d.span.begin) ++d.end.column;
    d.severity = config_.severity(*rule);
    d.code = std::string(rule->code);
    d.rule = std::string(rule->name);
    d.category = rule->category;
    d.message = std::move(message);
    d.help = std::move(help);
    file.diagnostics.push_back(std::move(d));
  }

 private:
  const Config& config_;
};

std::string shown_source(const AlertsConfig& a) {
  std::error_code ec;
  std::string relative = std::filesystem::path(a.url_source).lexically_relative(std::filesystem::current_path(ec)).string();
  return relative.empty() || relative.starts_with("..") ? a.url_source : relative;
}

}  // namespace

LintRun check_alerts(const std::vector<RuleFileText>& rule_files, const std::vector<FileResult>& runbooks,
                     const Config& config, AlertsCheckCounts* counts_out) {
  AlertsCheckCounts counts;
  LintRun run;
  Findings findings(config);
  const AlertsConfig& a = config.alerts;
  std::vector<std::string> paths;
  for (const FileResult& r : runbooks) paths.push_back(r.path);
  RunbookUrlMap urls(a, paths);
  std::set<std::string> defined;
  counts.runbooks = runbooks.size();

  for (const RuleFileText& rf : rule_files) {
    AlertRuleFile rules = read_alert_rules(rf.bytes);
    if (!rules.error.empty()) {
      run.errors.push_back(fmt::format("{}:{}:{}: {}", rf.path, rules.error_line, rules.error_column, rules.error));
      continue;
    }
    ++counts.rule_files;
    FileResult file;
    file.path = rf.path;
    file.runbook.source = std::make_shared<SourceFile>(rf.path, rf.bytes);
    for (const AlertRule& alert : rules.alerts) {
      ++counts.alerts;
      defined.insert(alert.name);
      auto url = alert.annotations.find(a.annotation);
      if (url == alert.annotations.end() || url->second.value.empty()) {
        findings.add(file, "RB701", alert.line, alert.column, 5,
                     fmt::format("alert `{}` has no `{}` annotation: whoever it pages gets no runbook", alert.name,
                                 a.annotation),
                     fmt::format("add `annotations: {{{}: <URL of its runbook>}}` to the rule", a.annotation));
        continue;
      }
      ++counts.with_url;
      const AlertRule::Annotation& at = url->second;
      UrlTarget target = urls.resolve(at.value);
      if (target.kind == UrlTarget::Kind::outside_base) {
        ++counts.outside_base;
        findings.add(file, "RB704", at.line, at.column, at.value.size(),
                     a.url_base.empty()
                         ? fmt::format("the runbook URL of `{}` is not checked: no `alerts.runbook_url.base` is configured",
                                       alert.name)
                         : fmt::format("the runbook URL of `{}` is not under {}: not checked", alert.name, a.url_base),
                     "map the site the URL points into with alerts.runbook_url (base, source) in .runbookc.yaml");
      } else if (target.kind == UrlTarget::Kind::no_page) {
        ++counts.no_page;
        std::string where = target.page_path.empty() ? shown_source(a) : shown_source(a) + "/" + target.page_path;
        findings.add(file, "RB702", at.line, at.column, at.value.size(),
                     fmt::format("the runbook URL of `{}` leads to no runbook: nothing in {} is published at `{}`",
                                 alert.name, shown_source(a), target.page_path.empty() ? "/" : target.page_path),
                     fmt::format("write the runbook as {}.md{}, or point the URL at the runbook that covers `{}`", where,
                                 a.url_lower_case ? " (its name in any case)" : "", alert.name));
      } else if (!target.fragment.empty()) {
        const Runbook& rb = runbooks[static_cast<size_t>(target.runbook)].runbook;
        bool found = std::any_of(rb.sections.begin(), rb.sections.end(),
                                 [&](const Section& s) { return s.anchor == target.fragment; });
        if (found) {
          ++counts.resolved;
        } else {
          ++counts.no_anchor;
          findings.add(file, "RB703", at.line, at.column, at.value.size(),
                       fmt::format("the runbook URL of `{}` leads to {}, which has no section `#{}`", alert.name,
                                   rb.path(), target.fragment),
                       "link to one of the runbook's headings (its anchor as GitHub and Hugo make it), or drop the "
                       "fragment");
        }
      } else {
        ++counts.resolved;
      }
    }
    if (!file.diagnostics.empty()) run.files.push_back(std::move(file));
  }

  // Runbooks naming alerts that no rule file defines (only when some rule file was read).
  for (const FileResult& r : runbooks) {
    const Metadata& md = r.runbook.metadata;
    if (!md.alerts.empty()) ++counts.runbooks_naming;
    if (counts.rule_files == 0 || !r.runbook.source) continue;
    FileResult file;
    file.path = r.path;
    file.runbook.source = r.runbook.source;
    std::set<std::string> reported;
    for (const AlertOrigin& o : md.alert_origins) {
      if (defined.count(o.name) || !reported.insert(o.name).second) continue;
      ++counts.undefined_names;
      std::string how = o.source == "front_matter" ? "in its front matter"
                        : o.source == "file_name" ? "by its file name"
                        : o.source == "heading"   ? "in its title"
                                                  : "in a heading matching alerts.name_pattern";
      findings.add(file, "RB705", o.line, o.column, o.source == "file_name" ? 0 : o.name.size(),
                   fmt::format("the runbook names alert `{}` {}, which no rule file given defines", o.name, how),
                   "rename the runbook after the alert as the rules spell it, or remove the runbook of an alert that "
                   "is gone");
    }
    if (!file.diagnostics.empty()) run.files.push_back(std::move(file));
  }
  for (FileResult& f : run.files) std::sort(f.diagnostics.begin(), f.diagnostics.end(), diagnostic_less);
  std::sort(run.files.begin(), run.files.end(), [](const FileResult& x, const FileResult& y) { return x.path < y.path; });
  if (counts_out) *counts_out = counts;
  return run;
}

}  // namespace rbc
