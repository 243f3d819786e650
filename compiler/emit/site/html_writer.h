#pragma once
/// Serializes a pugixml document as HTML5: `<!DOCTYPE html>`, void elements
/// (`<meta>`, `<br>`) without end tags, every other element with one, text
/// and attribute values escaped. Text reaches the output only through here,
/// so escaping holds by construction. Output is deterministic.
#include <pugixml.hpp>

#include <string>

namespace rbc::site {

std::string write_html(const pugi::xml_document& doc);

}  // namespace rbc::site
