#pragma once
/// The page of one runbook: metadata header (severity, service, owner,
/// alerts, review status), table of contents, findings, and the rendered
/// document with highlighted, annotated steps.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/url_layout.h"
#include "linter/driver.h"
#include "compiler/emit/site/page.h"

namespace rbc::site {

struct RunbookPageInput {
  const FileResult& file;
  std::string id;                   ///< page is runbooks/<id>.html
  std::vector<ScriptLink> scripts;  ///< scripts written beside the site, whole runbook first
  const std::map<std::string, std::string>* pages = nullptr;  ///< other runbooks: path → id
  std::string folder;               ///< runbook_folder(): where the breadcrumbs lead
};

std::string render_runbook_page(const SiteInfo& site, const RunbookPageInput& in);

/// The level-1 heading the page shows as its <h1> (which takes its id), -1
/// for none: the first one, unless the front matter names another title.
int title_section(const Runbook& rb);

}  // namespace rbc::site
