#include "compiler/syntax/alert_rules.h"

#include <algorithm>
#include <fmt/format.h>

#include "compiler/syntax/yaml_document.h"

namespace rbc {
namespace {

/// A document of a multi-document stream: its text and its first line (0-based).
struct DocumentText {
  std::string_view text;
  uint32_t first_line = 0;
};

/// Splits at `---` and `...` lines. Block scalars are indented, so a marker
/// at column 0 always separates documents.
std::vector<DocumentText> split_documents(std::string_view text) {
  std::vector<DocumentText> out;
  size_t begin = 0, at = 0;
  uint32_t line = 0, first = 0;
  auto marker = [](std::string_view l) {
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l == "---" || l == "..." || l.starts_with("--- ") || l.starts_with("---\t");
  };
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    std::string_view l = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (marker(l)) {
      out.push_back({text.substr(begin, at - begin), first});
      // "--- {...}": content after the marker starts the document on this line.
      bool inline_content = l.size() > 4 && l.starts_with("--- ");
      begin = inline_content ? at + 4 : (end == std::string_view::npos ? text.size() : end + 1);
      first = inline_content ? line : line + 1;
    }
    if (end == std::string_view::npos) break;
    at = end + 1;
    ++line;
  }
  out.push_back({text.substr(begin), first});
  return out;
}

struct Reader {
  AlertRuleFile& file;
  uint32_t first_line;
  bool found_groups = false;

  uint32_t line_of(const yaml::Node& n, int fallback) const { return first_line + static_cast<uint32_t>(n.line(fallback)) + 1; }

  void read_groups(const yaml::Node& groups) {
    found_groups = true;
    groups.for_each_item([&](yaml::Node group) {
      if (!group.is_mapping()) return;
      std::string name;
      yaml::Node rules;
      group.for_each_pair([&](yaml::Node k, yaml::Node v) {
        if (k.scalar() == "name") name = v.scalar();
        else if (k.scalar() == "rules") rules = v;
      });
      rules.for_each_item([&](yaml::Node rule) { read_rule(rule, name); });
    });
  }

  void read_rule(const yaml::Node& rule, const std::string& group) {
    if (!rule.is_mapping()) return;
    AlertRule alert;
    alert.group = group;
    bool is_alert = false;
    rule.for_each_pair([&](yaml::Node k, yaml::Node v) {
      std::string key = k.scalar();
      if (key == "record") ++file.recording_rules;
      if (key == "alert") {
        is_alert = true;
        alert.name = v.scalar();
        alert.line = line_of(k, 0);
        alert.column = static_cast<uint32_t>(k.column()) + 1;
      } else if (key == "annotations") {
        v.for_each_pair([&](yaml::Node ak, yaml::Node av) {
          alert.annotations[ak.scalar()] = {av.scalar(), line_of(av, ak.line()),
                                            static_cast<uint32_t>(av.is_scalar() ? av.column() : ak.column()) + 1};
        });
      }
    });
    if (is_alert) file.alerts.push_back(std::move(alert));
  }

  void read_document(const yaml::Node& root) {
    if (!root.is_mapping()) return;
    yaml::Node groups, spec;
    root.for_each_pair([&](yaml::Node k, yaml::Node v) {
      if (k.scalar() == "groups") groups = v;
      else if (k.scalar() == "spec") spec = v;
    });
    if (groups.is_sequence()) return read_groups(groups);
    spec.for_each_pair([&](yaml::Node k, yaml::Node v) {  // kind: PrometheusRule
      if (k.scalar() == "groups" && v.is_sequence()) read_groups(v);
    });
  }
};

}  // namespace

AlertRuleFile read_alert_rules(std::string_view text) {
  AlertRuleFile file;
  bool found_groups = false;
  for (const DocumentText& d : split_documents(text)) {
    yaml::ParseError error;
    std::unique_ptr<yaml::Document> doc = yaml::Document::parse(d.text, error);
    if (!doc) {
      file.error = fmt::format("not valid YAML: {}", error.message);
      file.error_line = d.first_line + static_cast<uint32_t>(error.line) + 1;
      file.error_column = static_cast<uint32_t>(error.column) + 1;
      return file;
    }
    Reader reader{file, d.first_line};
    reader.read_document(doc->root());
    found_groups = found_groups || reader.found_groups;
  }
  if (!found_groups) {
    file.error = "no rule groups: expected `groups:` (a Prometheus rule file) or `kind: PrometheusRule` with `spec.groups`";
    file.error_line = 1;
    file.error_column = 1;
  }
  return file;
}

}  // namespace rbc
