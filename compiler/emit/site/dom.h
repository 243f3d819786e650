#pragma once
/// Small helpers over pugixml for building pages: templates by name, slots
/// by id, elements and text. Text is always a text node, never markup.
#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace rbc::site {

using Attrs = std::initializer_list<std::pair<const char*, std::string_view>>;

/// Parses the embedded template `templates/<name>`; throws when malformed.
void load_template(pugi::xml_document& doc, std::string_view name);

/// The element whose id is `id`; throws when the template has none.
pugi::xml_node slot(pugi::xml_node root, std::string_view id);

/// Appends `<tag attrs...>` to `parent`.
pugi::xml_node add(pugi::xml_node parent, const char* tag, Attrs attrs = {});
/// Appends `<tag attrs...>text</tag>` to `parent`.
pugi::xml_node add(pugi::xml_node parent, const char* tag, std::string_view text, Attrs attrs);
/// Appends a text node.
void add_text(pugi::xml_node parent, std::string_view text);
/// Sets or replaces an attribute.
void set_attr(pugi::xml_node node, const char* name, std::string_view value);

/// Makes the page's links work at any depth: every `data-root-href="x"`
/// becomes `href="<root>x"` (and `data-root-src` → `src`); every `fill-*` id
/// (a slot only the builder needs) is removed.
void finish_links(pugi::xml_node root, std::string_view root_prefix);

}  // namespace rbc::site
