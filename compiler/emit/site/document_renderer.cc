#include "compiler/emit/site/document_renderer.h"

#include <algorithm>
#include <cctype>

#include "compiler/base/ascii.h"
#include "compiler/emit/site/code_block.h"
#include "compiler/emit/site/dom.h"
#include "compiler/emit/site/safe_url.h"

#include <filesystem>

namespace rbc::site {
namespace {

using T = DocNode::Type;

// Recursion over the tree is safe: the front end bounds its depth
// (kMaxNesting, deeper containers flattened and reported as RB007).

void render(pugi::xml_node parent, const DocNode& node, const RunbookView& view);

void render_children(pugi::xml_node parent, const DocNode& node, const RunbookView& view) {
  for (const DocNode& child : node.children) render(parent, child, view);
}

bool is_line_break_tag(std::string_view html) {
  std::string t;
  for (char c : html)
    if (!std::isspace(static_cast<unsigned char>(c))) t += ascii_lower(c);
  return t == "<br>" || t == "<br/>";
}

bool is_comment(std::string_view html) {
  size_t i = html.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && html.substr(i).starts_with("<!--");
}

void render_heading(pugi::xml_node parent, const DocNode& node, const RunbookView& view) {
  if (node.section >= 0 && node.section == view.title_section) return;  // shown as the page's <h1>
  bool known = node.section >= 0 && node.section < static_cast<int>(view.runbook.sections.size());
  int level = std::min(6, (known ? view.runbook.sections[node.section].level : 1) + 1);
  std::string tag = "h" + std::to_string(level);
  pugi::xml_node h = parent.append_child(tag.c_str());
  if (known) {
    const std::string& anchor = view.runbook.sections[node.section].anchor;
    set_attr(h, "id", anchor);
    render_children(h, node, view);
    add_text(h, " ");
    add(h, "a", "#", {{"class", "anchor"}, {"href", "#" + anchor}, {"aria-label", "Link to this section"}});
  } else {
    render_children(h, node, view);
  }
}

/// A relative link to another runbook of the build, as a link to its page.
std::string page_link(const std::string& url, const RunbookView& view) {
  if (!view.pages || url.empty() || url[0] == '#' || url[0] == '/' || url.find("://") != std::string::npos ||
      url.find(':') < url.find('/'))
    return url;
  size_t hash = url.find('#');
  std::string file = url.substr(0, hash);
  if (file.size() < 4 || file.compare(file.size() - 3, 3, ".md") != 0) return url;
  std::filesystem::path target =
      (std::filesystem::path(view.runbook.path()).parent_path() / file).lexically_normal();
  auto it = view.pages->find(target.generic_string());
  if (it == view.pages->end()) return url;
  return it->second + ".html" + (hash == std::string::npos ? "" : url.substr(hash));
}

void render_link(pugi::xml_node parent, const DocNode& node, const RunbookView& view) {
  std::string url = safe_url(page_link(node.url, view));
  pugi::xml_node a = add(parent, "a");
  if (url.empty()) set_attr(a, "class", "unsafe-link");
  else set_attr(a, "href", url);
  if (!node.title.empty()) set_attr(a, "title", node.title);
  render_children(a, node, view);
}

void render_image(pugi::xml_node parent, const DocNode& node) {
  std::string url = safe_url(node.url);
  std::string alt = plain_text(node);
  bool in_link = false;
  for (pugi::xml_node p = parent; p; p = p.parent()) in_link = in_link || std::string_view(p.name()) == "a";
  if (url.empty() || in_link) {
    add(parent, "span", alt.empty() ? std::string("[image]") : alt, {{"class", "unsafe-link"}});
  } else if (is_remote(node.url)) {
    add(parent, "a", alt.empty() ? std::string("[image]") : "[image: " + alt + "]", {{"href", url}, {"class", "remote-image"}});
  } else {
    pugi::xml_node img = add(parent, "img", {{"src", url}, {"alt", alt}, {"loading", "lazy"}});
    if (!node.title.empty()) set_attr(img, "title", node.title);
  }
}

void render_table(pugi::xml_node parent, const DocNode& node, const RunbookView& view) {
  pugi::xml_node wrap = add(parent, "div", {{"class", "table-wrap"}});
  pugi::xml_node table = add(wrap, "table");
  pugi::xml_node body;
  for (const DocNode& row : node.children) {
    pugi::xml_node section = row.header_row ? add(table, "thead") : (body ? body : (body = add(table, "tbody")));
    pugi::xml_node tr = add(section, "tr");
    for (const DocNode& cell : row.children) render_children(add(tr, row.header_row ? "th" : "td"), cell, view);
  }
}

void render(pugi::xml_node parent, const DocNode& node, const RunbookView& view) {
  switch (node.type) {
    case T::document: render_children(parent, node, view); return;
    case T::paragraph: render_children(add(parent, "p"), node, view); return;
    case T::heading: render_heading(parent, node, view); return;
    case T::block_quote: render_children(add(parent, "blockquote"), node, view); return;
    case T::list: {
      pugi::xml_node list = add(parent, node.ordered ? "ol" : "ul");
      if (node.ordered && node.start != 1) set_attr(list, "start", std::to_string(node.start));
      render_children(list, node, view);
      return;
    }
    case T::item: {
      pugi::xml_node li = add(parent, "li");
      if (node.checked >= 0) {
        set_attr(li, "class", "task");
        pugi::xml_node box = add(li, "input", {{"type", "checkbox"}, {"disabled", "disabled"}, {"aria-label", "task"}});
        if (node.checked == 1) set_attr(box, "checked", "checked");
      }
      render_children(li, node, view);
      return;
    }
    case T::code_block:
      if (node.step >= 0 && node.step < static_cast<int>(view.runbook.steps.size())) {
        render_step(parent, view.runbook.steps[node.step], view);
      } else {
        add(add(parent, "pre", {{"class", "code"}}), "code", node.text, {});
      }
      return;
    case T::html_block:
      if (!is_comment(node.text)) add(parent, "pre", node.text, {{"class", "raw-html"}});
      return;
    case T::html_inline:
      if (is_line_break_tag(node.text)) add(parent, "br");
      else if (!is_comment(node.text)) add(parent, "code", node.text, {{"class", "raw-html"}});
      return;
    case T::thematic_break: add(parent, "hr"); return;
    case T::table: render_table(parent, node, view); return;
    case T::text: add_text(parent, node.text); return;
    case T::softbreak: add_text(parent, "\n"); return;
    case T::linebreak: add(parent, "br"); return;
    case T::code: add(parent, "code", node.text, {}); return;
    case T::emph: render_children(add(parent, "em"), node, view); return;
    case T::strong: render_children(add(parent, "strong"), node, view); return;
    case T::strikethrough: render_children(add(parent, "del"), node, view); return;
    case T::link: render_link(parent, node, view); return;
    case T::image: render_image(parent, node); return;
    case T::footnote_reference: add(parent, "sup", node.text, {{"class", "footnote-ref"}}); return;
    default: render_children(parent, node, view); return;
  }
}

}  // namespace

void render_document(pugi::xml_node parent, const RunbookView& view) { render(parent, view.runbook.document, view); }

}  // namespace rbc::site
