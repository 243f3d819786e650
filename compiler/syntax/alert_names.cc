#include "compiler/syntax/alert_names.h"

#include <algorithm>
#include <filesystem>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"

namespace rbc {

const AlertNaming& default_alert_naming() {
  static const AlertNaming naming;
  return naming;
}

bool is_alert_identifier(std::string_view text) {
  if (text.empty() || text.size() > 200) return false;
  if (!is_ascii_alpha(text[0]) && text[0] != '_' && text[0] != ':') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return is_ascii_alnum(c) || c == '_' || c == ':'; });
}

bool looks_like_alert_name(std::string_view text) {
  if (!is_alert_identifier(text) || !is_ascii_alpha(text[0])) return false;
  // A hump begins the name, follows a lower-case letter or a digit
  // (PodCrash), or ends an acronym before a lower-case letter (OSDDown).
  int humps = 1;
  bool lower = false;
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i], before = text[i - 1];
    lower = lower || is_ascii_lower(c);
    if (!is_ascii_upper(c)) continue;
    bool after_word = is_ascii_lower(before) || is_ascii_digit(before);
    bool ends_acronym = is_ascii_upper(before) && i + 1 < text.size() && is_ascii_lower(text[i + 1]);
    if (after_word || ends_acronym) ++humps;
  }
  return humps >= 2 && (lower || is_ascii_lower(text[0]));
}

namespace {

/// The file name less its Markdown extensions: "X.html.md" -> "X".
std::string stem_of(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  for (std::string_view ext : {".md", ".markdown", ".mdx"})
    if (name.size() > ext.size() && iequals(std::string_view(name).substr(name.size() - ext.size()), ext)) {
      name.resize(name.size() - ext.size());
      break;
    }
  if (name.size() > 5 && iequals(std::string_view(name).substr(name.size() - 5), ".html")) name.resize(name.size() - 5);
  return name;
}

bool is_alerts_directory(const std::string& name) {
  static const std::string_view names[] = {"alerts", "alert", "runbooks", "runbook", "alerting", "playbooks"};
  return std::any_of(std::begin(names), std::end(names), [&](std::string_view n) { return iequals(name, n); });
}

void add(Metadata& md, std::string name, const char* source, uint32_t line, uint32_t column) {
  bool repeated = std::any_of(md.alert_origins.begin(), md.alert_origins.end(),
                              [&](const AlertOrigin& o) { return o.name == name && o.source == source; });
  if (repeated) return;
  if (std::find(md.alerts.begin(), md.alerts.end(), name) == md.alerts.end()) md.alerts.push_back(name);
  md.alert_origins.push_back({std::move(name), source, line, column});
}

/// The heading's text as written on its line, for the column of a name in it.
uint32_t column_in_line(const Runbook& rb, const Section& s, std::string_view name) {
  std::string_view line = rb.source->line_text(s.line);
  size_t at = line.find(name);
  return at == std::string_view::npos ? 1 : static_cast<uint32_t>(at + 1);
}

bool in_alerts_tree(const std::filesystem::path& file) {
  for (std::filesystem::path dir = file.parent_path(); !dir.empty() && dir.has_filename(); dir = dir.parent_path())
    if (is_alerts_directory(dir.filename().string())) return true;
  return false;
}

/// The runbook's title: its H1, or its first H2 when it has no H1.
const Section* title_of(const Runbook& rb) {
  for (const Section& s : rb.sections)
    if (s.level == 1) return &s;
  for (const Section& s : rb.sections)
    if (s.level == 2) return &s;
  return nullptr;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += c;
  return out;
}

/// A title holding `name` as written ("SSPOperatorDown [Deprecated]"), or
/// whose words run together are `name` ("Node disk full").
bool title_names(std::string_view title, std::string_view name) {
  return !title.empty() && (title.find(name) != std::string_view::npos || iequals(without_spaces(title), name));
}

}  // namespace

std::string alert_name_from_path(std::string_view path) {
  std::filesystem::path file{std::string(path)};
  std::string stem = stem_of(file);
  if (!looks_like_alert_name(stem) || !in_alerts_tree(file)) return "";
  return stem;
}

void alerts_from_conventions(Runbook& rb, const AlertNaming& naming) {
  Metadata& md = rb.metadata;
  if (!naming.front_matter) {
    md.alerts.clear();
    md.alert_origins.clear();
    md.lines.erase("alerts");
  }
  if (naming.name_pattern)
    for (const Section& s : rb.sections) {
      PatternMatch m;
      if (!naming.name_pattern->find(s.title, m)) continue;
      std::string_view name = m.group(1).empty() ? m.whole : m.group(1);
      if (is_alert_identifier(name)) add(md, std::string(name), "pattern", s.line, column_in_line(rb, s, name));
    }
  if (!naming.file_name && !naming.heading) return;
  std::filesystem::path file{rb.path()};
  if (!in_alerts_tree(file)) return;  // elsewhere a CamelCase title is as often a product's name (PostGIS)
  const Section* title = title_of(rb);
  std::string_view title_text = title ? trimmed(title->title) : std::string_view();
  if (naming.file_name) {
    // The page's own title (front matter or H1), when it has one, must name
    // the alert too: helper pages in alerts trees are named in camel case as
    // well (gatherLogs.md, "Optional log gathering").
    std::string stem = stem_of(file);
    bool untitled = md.title.empty() && title_text.empty();
    if (looks_like_alert_name(stem) && (untitled || title_names(md.title, stem) || title_names(title_text, stem)))
      add(md, stem, "file_name", 1, 1);
  }
  if (naming.heading && title && looks_like_alert_name(title_text))
    add(md, std::string(title_text), "heading", title->line, column_in_line(rb, *title, title_text));
}

}  // namespace rbc
