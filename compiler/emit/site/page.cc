#include "compiler/emit/site/page.h"

#include "compiler/emit/site/dom.h"
#include "compiler/emit/site/html_writer.h"

namespace rbc::site {

Page::Page(const SiteInfo& site, std::string_view content_template, std::string_view page_title, std::string root)
    : root_(std::move(root)) {
  load_template(doc_, "layout.xhtml");
  pugi::xml_document fragment;
  load_template(fragment, content_template);
  content_ = slot(doc_, "main").append_copy(fragment.document_element());
  pugi::xml_node title = slot(doc_, "fill-title");
  title.remove_children();
  add_text(title, page_title == site.title ? site.title : std::string(page_title) + " · " + site.title);
  pugi::xml_node site_title = slot(doc_, "fill-site-title");
  site_title.remove_children();
  add_text(site_title, site.title);
  pugi::xml_node generator = slot(doc_, "fill-generator");
  generator.remove_children();
  add_text(generator, std::string("runbookc ") + RUNBOOKC_VERSION);
  set_attr(slot(doc_, "fill-body"), "data-root", root_.empty() ? "./" : root_);
}

void Page::set_body_class(std::string_view cls) { set_attr(slot(doc_, "fill-body"), "class", cls); }

std::string Page::finish() {
  finish_links(doc_, root_);
  return write_html(doc_);
}

}  // namespace rbc::site
