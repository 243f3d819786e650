#pragma once
/// The page of one runbook: metadata header (severity, service, owner,
/// alerts, review status), table of contents, findings, and the rendered
/// document with highlighted, annotated steps.
#include <optional>
#include <string>

#include "compiler/driver.h"
#include "compiler/site/page.h"

namespace rbc::site {

struct RunbookPageInput {
  const FileResult& file;
  std::string id;                   ///< page is runbooks/<id>.html
  bool has_script = false;          ///< scripts/<id>.sh exists in the site
  std::optional<long> today;        ///< days since epoch, for overdue reviews
};

/// The runbook's display title: front matter title, else its first
/// level-1 heading, else its file name.
std::string runbook_title(const Runbook& runbook, const std::string& path);

std::string render_runbook_page(const SiteInfo& site, const RunbookPageInput& in);

}  // namespace rbc::site
