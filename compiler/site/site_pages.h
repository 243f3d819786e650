#pragma once
/// The site's aggregate pages, built from runbooks.json entries (so cached
/// runbooks need not be parsed again): the index, search, rules and lint
/// report, and the search data the search script loads.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "compiler/site/page.h"

namespace rbc::site {

using ojson = nlohmann::ordered_json;

struct SiteModel {
  SiteInfo info;
  std::vector<ojson> entries;         ///< runbooks.json entries, in path order
  std::vector<ojson> search_docs;     ///< one per entry (see search_document())
  std::optional<long> today;          ///< for overdue reviews
};

std::string render_index_page(const SiteModel& site);
std::string render_search_page(const SiteModel& site);
std::string render_lint_page(const SiteModel& site);
std::string render_rules_page(const SiteModel& site);
/// One page per rule of the registry, as (code, html).
std::vector<std::pair<std::string, std::string>> render_rule_pages(const SiteModel& site);

/// assets/search-data.js: `window.RUNBOOKC_SEARCH = [...]`, loaded by a
/// script element so search works from file:// too.
std::string search_data_script(const SiteModel& site);

/// True when the entry's review is overdue on `today`.
bool entry_overdue(const ojson& entry, std::optional<long> today);

}  // namespace rbc::site
