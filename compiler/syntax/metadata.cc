#include "compiler/syntax/metadata.h"

#include <set>

#include "compiler/base/ascii.h"
#include "compiler/syntax/yaml_document.h"

namespace rbc {
namespace {

bool is_fence_line(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

std::string normalized_key(std::string key) {
  for (char& c : key) {
    if (c == '-' || c == ' ') c = '_';
    else c = ascii_lower(c);
  }
  if (key == "lastreviewed" || key == "last_review" || key == "reviewed") key = "last_reviewed";
  if (key == "reviewevery" || key == "review_interval") key = "review_every";
  if (key == "alert") key = "alerts";
  if (key == "priority") key = "severity";
  return key;
}

std::vector<std::string> string_list(const yaml::Node& node) {
  std::vector<std::string> out;
  if (node.is_sequence()) {
    node.for_each_item([&](yaml::Node item) {
      if (item.is_scalar()) out.push_back(item.scalar());
    });
  } else if (node.is_scalar() && !node.scalar().empty()) {
    out.push_back(node.scalar());
  }
  return out;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t*_`");
  size_t e = s.find_last_not_of(" \t*_`\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

void metadata_from_yaml(const yaml::Node& root, uint32_t first_line, Metadata& md);

FrontMatter read_front_matter(const SourceFile& source, Metadata* metadata) {
  FrontMatter fm;
  if (source.line_count() < 2 || !is_fence_line(source.line_text(1), false)) return fm;
  for (uint32_t line = 2; line <= source.line_count(); ++line) {
    if (!is_fence_line(source.line_text(line), true)) continue;
    fm.present = true;
    fm.first_line = 2;
    uint32_t body_begin = source.line_start(2);
    uint32_t body_end = source.line_start(line);
    fm.yaml = source.text().substr(body_begin, body_end - body_begin);
    fm.span = {0, source.line_start(line) + static_cast<uint32_t>(source.line_text(line).size())};
    yaml::ParseError error;
    std::unique_ptr<yaml::Document> doc = yaml::Document::parse(fm.yaml, error);
    if (!doc) {
      fm.error = error.message;
      fm.error_line = fm.first_line + static_cast<uint32_t>(error.line);
      fm.error_column = static_cast<uint32_t>(error.column + 1);
    } else if (yaml::Node root = doc->root(); !root.is_null() && !root.is_mapping()) {
      fm.error = "front matter is not a mapping of keys to values";
      fm.error_line = 2;
      fm.error_column = 1;
    } else if (metadata && root.is_mapping()) {
      metadata_from_yaml(root, fm.first_line, *metadata);  // parsed once: YAML is costly
    }
    return fm;
  }
  return fm;  // a lone '---' on line 1 is a thematic break, not front matter
}

void metadata_from_yaml(const yaml::Node& root, uint32_t first_line, Metadata& md) {
  md.from_front_matter = true;
  root.for_each_pair([&](yaml::Node k, yaml::Node value) {
    if (!k.is_scalar()) return;
    std::string key = normalized_key(k.scalar());
    uint32_t line = first_line + static_cast<uint32_t>(k.line());
    auto scalar = [&]() { return value.scalar(); };
    if (key == "title") md.title = scalar();
    else if (key == "service") md.service = scalar();
    else if (key == "severity") md.severity = scalar();
    else if (key == "owner" || key == "owners" || key == "team") {
      auto owners = string_list(value);
      if (!owners.empty()) md.owner = owners.front();
      key = "owner";
    } else if (key == "alerts") {
      md.alerts = string_list(value);
      std::erase_if(md.alert_origins, [](const AlertOrigin& o) { return o.source == "front_matter"; });
      auto origin = [&](yaml::Node item) {
        if (item.is_scalar() && !item.scalar().empty())
          md.alert_origins.push_back({item.scalar(), "front_matter", first_line + static_cast<uint32_t>(item.line()),
                                      static_cast<uint32_t>(item.column() + 1)});
      };
      if (value.is_sequence()) value.for_each_item(origin);
      else origin(value);
    }
    else if (key == "tags") md.tags = string_list(value);
    else if (key == "last_reviewed" || key == "last_updated") {
      md.last_reviewed = scalar();
      key = "last_reviewed";
    } else if (key == "review_every") md.review_every = scalar();
    else if (key == "next_review") md.next_review = scalar();
    else if (key == "version") md.version = scalar();
    else if (key == "alternatives") md.alternatives = string_list(value);
    else return;
    md.lines[key] = line;
  });
  if (!md.severity.empty() && md.severity.size() == 2 && (md.severity[0] == 'p')) md.severity[0] = 'P';
}

namespace {

/// "**Owner:** sre", "Last Updated: 2025-01-30", "- __Version__: 1.2": the
/// key (lower-cased) and the value, or false. Hand-written: it runs on every
/// prose line, where a regex would dominate lint time.
bool body_field(std::string_view line, std::string& key, std::string& value) {
  size_t i = 0;
  auto skip = [&](std::string_view chars) {
    while (i < line.size() && chars.find(line[i]) != std::string_view::npos) ++i;
  };
  skip(" \t>*_-");
  static const std::string_view keys[] = {"last updated", "last reviewed", "owners", "owner", "version",
                                          "next review", "severity", "service"};
  for (std::string_view k : keys) {
    if (!istarts_with(line.substr(i), k)) continue;
    size_t after = i + k.size();
    size_t colon = after;
    while (colon < line.size() && (line[colon] == '*' || line[colon] == '_' || line[colon] == ' ')) ++colon;
    if (colon >= line.size() || line[colon] != ':') return false;
    key = std::string(k);
    value = trim(std::string(line.substr(colon + 1)));
    return !value.empty();
  }
  return false;
}

}  // namespace

void metadata_from_body(const Runbook& rb, Metadata& md) {
  const SourceFile& src = *rb.source;
  uint32_t first = rb.front_matter.present ? src.position(rb.front_matter.span.end).line + 1 : 1;
  std::string raw_key, value;
  for (uint32_t line = first; line <= src.line_count(); ++line) {
    if (line < rb.code_line.size() && rb.code_line[line]) continue;
    std::string_view text = src.line_text(line);
    if (text.find(':') == std::string_view::npos || !body_field(text, raw_key, value)) continue;
    std::string key = normalized_key(raw_key);
    std::string* slot = nullptr;
    if (key == "last_updated" || key == "last_reviewed") {
      slot = &md.last_reviewed;
      key = "last_reviewed";
    } else if (key == "owner" || key == "owners") {
      slot = &md.owner;
      key = "owner";
    } else if (key == "version") slot = &md.version;
    else if (key == "next_review") slot = &md.next_review;
    else if (key == "service") slot = &md.service;
    else if (key == "severity") slot = &md.severity;
    if (slot && slot->empty()) {
      *slot = value;
      md.lines[key] = line;
    }
  }
  if (md.title.empty()) {
    for (const auto& s : rb.sections)
      if (s.level == 1) {
        md.title = s.title;
        md.lines.emplace("title", s.line);
        break;
      }
  }
  if (md.severity.empty()) {
    // A heading naming exactly one level ("## Auth down (P1)") gives it; a
    // legend naming several (P0 ... P3) says nothing about this runbook.
    std::set<std::string> levels;
    uint32_t at = 0;
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (const auto& s : rb.sections)
      for (size_t k = 0; k + 1 < s.title.size(); ++k)
        if (s.title[k] == 'P' && s.title[k + 1] >= '0' && s.title[k + 1] <= '3' && (k == 0 || !word_char(s.title[k - 1])) &&
            (k + 2 >= s.title.size() || !word_char(s.title[k + 2]))) {
          levels.insert(std::string("P") + s.title[k + 1]);
          at = s.line;
        }
    if (levels.size() == 1) {
      md.severity = *levels.begin();
      md.lines["severity"] = at;
    }
  }
}

}  // namespace rbc
