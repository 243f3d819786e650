#include "compiler/emit/site/html_writer.h"

#include <array>
#include <string_view>

namespace rbc::site {
namespace {

bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kVoid = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"};
  for (auto v : kVoid)
    if (v == name) return true;
  return false;
}

void escape(std::string& out, std::string_view text, bool attribute) {
  std::string_view special = attribute ? "&<>\"" : "&<>";
  while (!text.empty()) {
    size_t at = text.find_first_of(special);  // runs without special characters are copied whole
    out.append(text.substr(0, at));
    if (at == std::string_view::npos) return;
    switch (text[at]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += "&quot;";
    }
    text.remove_prefix(at + 1);
  }
}

void write_node(std::string& out, const pugi::xml_node& node) {
  switch (node.type()) {
    case pugi::node_pcdata:
    case pugi::node_cdata:
      escape(out, node.value(), false);
      return;
    case pugi::node_element: {
      std::string_view name = node.name();
      out += '<';
      out += name;
      for (const pugi::xml_attribute& a : node.attributes()) {
        std::string_view an = a.name();
        if (an == "xmlns") continue;  // templates are XHTML; HTML5 needs no namespace
        out += ' ';
        out += an;
        out += "=\"";
        escape(out, a.value(), true);
        out += '"';
      }
      out += '>';
      if (is_void(name)) return;
      for (const pugi::xml_node& child : node.children()) write_node(out, child);
      out += "</";
      out += name;
      out += '>';
      return;
    }
    default:
      return;  // comments, processing instructions, doctype: not published
  }
}

}  // namespace

std::string write_html(const pugi::xml_document& doc) {
  std::string out = "<!DOCTYPE html>\n";
  for (const pugi::xml_node& child : doc.children()) write_node(out, child);
  out += '\n';
  return out;
}

}  // namespace rbc::site
