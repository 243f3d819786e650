#pragma once
/// A site page: the shared layout (templates/layout.xhtml) with one content
/// template put in its <main>. Build the content through `content`, then
/// serialize with finish().
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace rbc::site {

struct SiteInfo {
  std::string title = "Runbooks";  ///< --title: the site's name in every header
};

class Page {
 public:
  /// `root`: relative path from this page to the site root ("" or "../").
  Page(const SiteInfo& site, std::string_view content_template, std::string_view page_title, std::string root);
  pugi::xml_node content() const { return content_; }
  const std::string& root() const { return root_; }
  /// Sets a class on <body> (for page-specific scripts and styles).
  void set_body_class(std::string_view cls);
  /// Resolves root-relative links and returns the HTML5 text.
  std::string finish();

 private:
  pugi::xml_document doc_;
  pugi::xml_node content_;
  std::string root_;
};

}  // namespace rbc::site
