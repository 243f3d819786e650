#pragma once
/// The page of one runbook: metadata header (severity, service, owner,
/// alerts, review status), table of contents, findings, and the rendered
/// document with highlighted, annotated steps.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "linter/driver.h"
#include "compiler/emit/site/page.h"

namespace rbc::site {

/// A generated script the page links to (path relative to the site root).
struct ScriptLink {
  std::string path;   ///< "scripts/<id>.sh" or "scripts/<id>--<anchor>.sh"
  int section = -1;   ///< -1: the whole runbook
};

struct RunbookPageInput {
  const FileResult& file;
  std::string id;                   ///< page is runbooks/<id>.html
  std::vector<ScriptLink> scripts;  ///< scripts written beside the site, whole runbook first
  std::optional<long> today;        ///< days since epoch, for overdue reviews
  const std::map<std::string, std::string>* pages = nullptr;  ///< other runbooks: path → id
};

/// The runbook's display title: front matter title, else its first
/// level-1 heading, else its file name.
std::string runbook_title(const Runbook& runbook, const std::string& path);

std::string render_runbook_page(const SiteInfo& site, const RunbookPageInput& in);

}  // namespace rbc::site
