#include "compiler/emit/site/search_document.h"

#include <algorithm>
#include <cctype>

#include "compiler/base/ascii.h"
#include "compiler/emit/site/document_renderer.h"
#include "compiler/model/url_layout.h"

namespace rbc::site {
namespace {

bool is_symptom_heading(const Runbook& rb, int section) {
  if (section < 0 || section >= static_cast<int>(rb.sections.size())) return false;
  std::string t = ascii_lower(rb.sections[section].title);
  return t.find("symptom") != std::string::npos || t.find("sympt") != std::string::npos;
}

/// Text of the top-level nodes that follow a Symptoms heading, up to the next
/// heading of the same or a higher level.
std::string symptoms_text(const Runbook& rb) {
  std::string out;
  int level = 0;
  for (const DocNode& n : rb.document.children) {
    if (n.type == DocNode::Type::heading) {
      int l = n.section >= 0 && n.section < static_cast<int>(rb.sections.size()) ? rb.sections[n.section].level : 1;
      if (level && l <= level) level = 0;
      if (!level && is_symptom_heading(rb, n.section)) level = l;
      continue;
    }
    if (level && n.type != DocNode::Type::code_block) out += plain_text(n) + "\n";
  }
  return out;
}

}  // namespace

nlohmann::ordered_json search_document(const Runbook& rb, const std::string& id, const std::string& title) {
  std::string alerts, headings, commands;
  for (const std::string& a : rb.metadata.alerts) alerts += a + " ";
  for (const Section& s : rb.sections) headings += s.title + "\n";
  for (const Step& s : rb.steps)
    if (s.kind != BlockKind::other && s.kind != BlockKind::none) commands += s.body;
  if (commands.size() > 4000) commands.resize(4000);
  return {{"id", id},      {"url", runbook_page_url(id)}, {"title", title}, {"alerts", alerts},
          {"headings", headings}, {"symptoms", symptoms_text(rb)},     {"commands", commands},
          {"service", rb.metadata.service}, {"severity", rb.metadata.severity}};
}

}  // namespace rbc::site
