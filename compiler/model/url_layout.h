#pragma once
/// Where each output lives, relative to the root of a built site: the one
/// place the HTML pages, runbooks.json, alerts.json, search data and the
/// scripts take their ids and URLs from.
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

/// Stable ids for runbook paths: the path below the deepest directory all
/// share, without ".md", characters other than [a-z0-9._-] as '-', cut by
/// file_name_part(); clashes get "-2", "-3"... skipping any number that is
/// another path's id. Returned in the order of `paths`. Ids never hold "--",
/// which separates a runbook's id from a section's anchor in script names.
std::vector<std::string> runbook_ids(const std::vector<std::string>& paths);

/// Length of the deepest directory ("a/b/") that every path is below.
size_t common_directory_length(const std::vector<std::string>& paths);
/// The folder a runbook is listed under in the site's navigation: its
/// directory below the common one (`common` from common_directory_length),
/// "" for a runbook at the top.
std::string runbook_folder(std::string_view path, size_t common);
/// The id of a folder's group on the index page: "folder-<folder>" with
/// white space as '-' ("folder" for the top).
std::string folder_anchor(std::string_view folder);
/// "index.html#<folder_anchor>", percent-encoded, relative to the site root.
std::string folder_href(std::string_view folder);
/// Each path below the deepest directory all share, as the search shows it
/// to tell runbooks of one title apart: "storage/disk.md" and "db/disk.md"
/// for in/storage/disk.md and in/db/disk.md (the ids drop the same prefix).
std::vector<std::string> runbook_short_paths(const std::vector<std::string>& paths);

/// "runbooks/<id>.html"
std::string runbook_page_url(std::string_view id);
/// "scripts/<id>.sh" for the whole runbook (empty `anchor`), else
/// "scripts/<id>--<anchor cut by file_name_part>.sh".
std::string script_url(std::string_view id, std::string_view anchor);
/// "rules/<code>.html"
std::string rule_page_url(std::string_view code);

/// A script a runbook compiles to, as the page and the index list it.
struct ScriptLink {
  std::string path;  ///< script_url()
  int section = -1;  ///< -1: the whole runbook
};

}  // namespace rbc
