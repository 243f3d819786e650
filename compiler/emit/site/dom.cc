#include "compiler/emit/site/dom.h"

#include <stdexcept>
#include <vector>

#include "compiler/base/embedded_files.h"

namespace rbc::site {
namespace {

/// Length of the valid UTF-8 sequence at s[i], 0 when invalid.
size_t utf8_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 && c >= 0xc2 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 && c <= 0xf4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f) || (c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 > 0x8f))
    return 0;  // overlong, surrogate or beyond U+10FFFF
  return n;
}

/// Text as HTML accepts it: invalid UTF-8 becomes U+FFFD; control characters
/// other than tab and newline are dropped.
std::string clean(std::string_view text) {
  auto plain = [](unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n'; };
  size_t i = 0;
  while (i < text.size() && plain(static_cast<unsigned char>(text[i]))) ++i;
  std::string out(text.substr(0, i));  // most text is plain ASCII: one copy
  if (i == text.size()) return out;
  out.reserve(text.size());
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (plain(c)) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n > 1) out.append(text.substr(i, n));  // else a control character: dropped
    i += n;
  }
  return out;
}

}  // namespace

void load_template(pugi::xml_document& doc, std::string_view name) {
  std::string_view bytes = embedded_file("templates/" + std::string(name));
  pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) throw std::runtime_error("template " + std::string(name) + ": " + r.description());
}

pugi::xml_node slot(pugi::xml_node root, std::string_view id) {
  pugi::xml_node n = root.find_node([&](pugi::xml_node x) { return id == x.attribute("id").value(); });
  if (!n) throw std::runtime_error("template has no element with id " + std::string(id));
  return n;
}

pugi::xml_node add(pugi::xml_node parent, const char* tag, Attrs attrs) {
  pugi::xml_node n = parent.append_child(tag);
  for (const auto& [name, value] : attrs) n.append_attribute(name).set_value(clean(value).c_str());
  return n;
}

pugi::xml_node add(pugi::xml_node parent, const char* tag, std::string_view text, Attrs attrs) {
  pugi::xml_node n = add(parent, tag, attrs);
  add_text(n, text);
  return n;
}

void add_text(pugi::xml_node parent, std::string_view text) {
  std::string t = clean(text);
  if (t.empty()) return;
  pugi::xml_node last = parent.last_child();
  if (last.type() == pugi::node_pcdata) {
    last.set_value((std::string(last.value()) + t).c_str());
    return;
  }
  parent.append_child(pugi::node_pcdata).set_value(t.c_str());
}

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) a = node.append_attribute(name);
  a.set_value(clean(value).c_str());
}

void finish_links(pugi::xml_node root, std::string_view root_prefix) {
  std::vector<pugi::xml_node> nodes;
  root.find_node([&](pugi::xml_node x) {
    if (x.type() == pugi::node_element) nodes.push_back(x);
    return false;
  });
  for (pugi::xml_node n : nodes) {
    for (auto [from, to] : {std::pair{"data-root-href", "href"}, std::pair{"data-root-src", "src"}, std::pair{"data-root-action", "action"}}) {
      if (pugi::xml_attribute a = n.attribute(from)) {
        set_attr(n, to, std::string(root_prefix) + a.value());
        n.remove_attribute(a);
      }
    }
    if (std::string_view(n.attribute("id").value()).starts_with("fill-")) n.remove_attribute("id");
  }
}

}  // namespace rbc::site
