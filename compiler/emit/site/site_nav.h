#pragma once
/// assets/nav-data.js: the runbooks by folder, for the navigation tree that
/// site.js draws on every page (loaded by a script element, like the search
/// data, so it works from file://). One file for the whole site rather than
/// the tree in every page: a site of n runbooks would otherwise hold n² links.
#include <string>
#include <vector>

#include "compiler/emit/output/runbook_summary.h"

namespace rbc::site {

/// `window.RUNBOOKC_NAV = {"folders": [folder...], "pages": [[folder index,
/// title, url, service]...]}`: folders (runbook_folder()) sorted, pages in
/// path order, urls relative to the site root.
std::string nav_data_script(const std::vector<RunbookSummary>& entries);

}  // namespace rbc::site
