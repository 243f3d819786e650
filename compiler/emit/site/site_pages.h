#pragma once
/// The site's aggregate pages, built from each runbook's RunbookSummary
/// (what they need of it, kept in the build cache so cached runbooks need
/// not be parsed again): the index, search, rules and lint report, and the
/// search data the search script loads.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/emit/output/runbook_summary.h"
#include "compiler/emit/site/page.h"

namespace rbc::site {

struct SiteModel {
  SiteInfo info;
  std::vector<RunbookSummary> entries;  ///< in path order
};

std::string render_index_page(const SiteModel& site);
std::string render_search_page(const SiteModel& site);
std::string render_lint_page(const SiteModel& site);

/// A file computed from all the summaries at once, and how to render it.
struct AggregateFile {
  std::string path;
  std::function<std::string()> render;  ///< independent of the others: may run on any thread
};
/// Every aggregate page: index, search, lint and rules pages, a page per
/// rule, and the navigation data. The renderers read `site`, which must outlive them.
std::vector<AggregateFile> aggregate_files(const SiteModel& site);

/// assets/search-data.js: `window.RUNBOOKC_SEARCH = [...]` from the search
/// documents as compact JSON texts; loaded by a script element so search
/// works from file:// too. As pieces to write one after the other.
std::vector<std::string_view> search_data_script(const std::vector<std::string_view>& documents);
/// assets/search-text.js: `window.RUNBOOKC_SEARCH_TEXT = [...]`, the
/// sections' text of each runbook in the same order, loaded once the titles
/// and headings are searchable (search_document.h).
std::vector<std::string_view> search_text_script(const std::vector<std::string_view>& bodies);


}  // namespace rbc::site
