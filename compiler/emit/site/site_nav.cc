#include "compiler/emit/site/site_nav.h"

#include <map>
#include <nlohmann/json.hpp>

#include "compiler/model/url_layout.h"

namespace rbc::site {

std::string nav_data_script(const std::vector<RunbookSummary>& entries) {
  std::vector<std::string> paths;
  for (const RunbookSummary& e : entries) paths.push_back(e.path);
  const size_t common = common_directory_length(paths);
  std::map<std::string, size_t> folder_index;
  for (const std::string& p : paths) folder_index.emplace(runbook_folder(p, common), 0);
  nlohmann::ordered_json folders = nlohmann::ordered_json::array();
  for (auto& [folder, index] : folder_index) {
    index = folders.size();
    folders.push_back(folder);
  }
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (const RunbookSummary& e : entries)
    pages.push_back({folder_index.at(runbook_folder(e.path, common)), e.title, e.url, e.metadata.service});
  nlohmann::ordered_json data = {{"folders", std::move(folders)}, {"pages", std::move(pages)}};
  return "window.RUNBOOKC_NAV = " + data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + ";\n";
}

}  // namespace rbc::site
