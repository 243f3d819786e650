#include "compiler/emit/site/search_document.h"

#include <algorithm>
#include <string_view>

#include "compiler/emit/site/runbook_page.h"
#include "compiler/model/url_layout.h"

namespace rbc::site {
namespace {

/// `s` cut to at most `limit` bytes: at the last space before the limit when
/// there is one in its second half, never inside a UTF-8 sequence.
void cap(std::string& s, size_t limit) {
  if (s.size() <= limit) return;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  size_t space = s.rfind(' ', end);
  if (space != std::string::npos && space > limit / 2) end = space;
  s.resize(end);
}

/// Adds `text`, trimmed, as a line of `out`.
void append_line(std::string& out, std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return;
  text = text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
  if (!out.empty()) out += '\n';
  out += text;
}

/// Fills documents by walking the tree in page order: a heading opens its
/// section's document; leaf blocks add their text to the open one.
class Collector {
 public:
  Collector(const Runbook& rb, std::vector<SearchSection>& docs, std::vector<int>& doc_of_section)
      : rb_(rb), docs_(docs), doc_of_section_(doc_of_section) {}

  void walk(const DocNode& node) {
    using T = DocNode::Type;
    switch (node.type) {
      case T::heading:
        if (node.section >= 0 && node.section < static_cast<int>(doc_of_section_.size())) current_ = doc_of_section_[node.section];
        return;
      case T::paragraph: append_line(docs_[current_].text, plain_text(node)); return;
      case T::table_row: {
        std::string row;
        for (const DocNode& cell : node.children) row += (row.empty() ? "" : " ") + plain_text(cell);
        append_line(docs_[current_].text, row);
        return;
      }
      case T::code_block:
        if (node.step >= 0 && node.step < static_cast<int>(rb_.steps.size()))
          append_line(docs_[current_].code, rb_.steps[node.step].body);
        return;
      case T::html_block:
      case T::thematic_break: return;
      default:
        for (const DocNode& child : node.children) walk(child);
    }
  }

 private:
  const Runbook& rb_;
  std::vector<SearchSection>& docs_;
  const std::vector<int>& doc_of_section_;
  int current_ = 0;
};

std::string heading_path(const Runbook& rb, int section, int title) {
  std::vector<int> chain;
  for (int s = section; s >= 0 && s != title; s = rb.sections[s].parent) chain.insert(chain.begin(), s);
  std::string out;
  for (int s : chain) out += (out.empty() ? "" : " \u203a ") + rb.sections[s].title;
  return out;
}

}  // namespace

std::vector<SearchSection> search_sections(const Runbook& rb) {
  int title_index = title_section(rb);  // its text belongs to the top, its anchor is the <h1>'s
  std::vector<SearchSection> docs(1);  // the top
  std::vector<int> doc_of_section(rb.sections.size(), 0);
  for (size_t i = 0; i < rb.sections.size(); ++i) {
    if (static_cast<int>(i) == title_index) continue;
    doc_of_section[i] = static_cast<int>(docs.size());
    docs.push_back({rb.sections[i].anchor, heading_path(rb, static_cast<int>(i), title_index), "", ""});
  }
  Collector(rb, docs, doc_of_section).walk(rb.document);

  std::vector<SearchSection> out;
  size_t budget = kRunbookTextBytes;
  for (size_t i = 0; i < docs.size() && out.size() < kRunbookDocuments; ++i) {
    SearchSection& d = docs[i];
    if (i && d.text.empty() && d.code.empty()) continue;
    cap(d.text, std::min(kSectionTextBytes, budget));
    budget -= d.text.size();
    cap(d.code, std::min(kSectionCodeBytes, budget));
    budget -= d.code.size();
    out.push_back(std::move(d));
  }
  return out;
}

SearchDocument search_document(const Runbook& rb, const std::string& id, const std::string& title,
                               const std::string& short_path) {
  std::string alerts;
  for (const std::string& a : rb.metadata.alerts) alerts += (alerts.empty() ? "" : " ") + a;
  nlohmann::ordered_json sections = nlohmann::ordered_json::array(), body = nlohmann::ordered_json::array();
  for (SearchSection& s : search_sections(rb)) {
    sections.push_back({std::move(s.anchor), std::move(s.heading)});
    body.push_back({std::move(s.text), std::move(s.code)});
  }
  nlohmann::ordered_json head = {{"u", runbook_page_url(id)}, {"t", title},
                                 {"p", short_path},           {"a", alerts},
                                 {"s", rb.metadata.service},  {"v", rb.metadata.severity},
                                 {"d", std::move(sections)}};
  return {std::move(head), std::move(body)};
}

}  // namespace rbc::site
