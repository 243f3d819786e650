#include "compiler/model/runbook_model.h"

#include <unordered_set>

namespace rbc {

std::string runbook_title(const Runbook& rb, std::string_view path) {
  if (!rb.metadata.title.empty()) return rb.metadata.title;
  for (const Section& s : rb.sections)
    if (s.level == 1) {
      if (!s.title.empty()) return s.title;
      break;
    }
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

namespace {

std::vector<std::pair<std::string, std::string>> alert_anchors(const Runbook& rb) {
  std::vector<std::pair<std::string, std::string>> out;
  std::unordered_set<std::string_view> named;
  for (const std::string& alert : rb.metadata.alerts) {
    if (!named.insert(alert).second) continue;
    std::string anchor;
    for (const Section& s : rb.sections)
      if (s.title.find(alert) != std::string::npos) {
        anchor = s.anchor;
        break;
      }
    out.emplace_back(alert, std::move(anchor));
  }
  return out;
}

}  // namespace

RunbookModel make_runbook_model(const Runbook& runbook, const ModelOptions& options) {
  RunbookModel model;
  model.title = runbook_title(runbook, runbook.source ? std::string_view(runbook.path()) : std::string_view());
  model.alert_anchors = alert_anchors(runbook);
  model.review = review_status(runbook.metadata, options.default_review_period_days, options.today);
  return model;
}

std::string section_label(const Runbook& runbook, int section) {
  std::vector<int> chain;
  for (int s = section; s >= 0; s = runbook.sections[s].parent) chain.insert(chain.begin(), s);
  size_t level_one = 0;
  for (const Section& s : runbook.sections) level_one += s.level == 1;
  // The title heading is what every section is under: naming it says nothing.
  size_t first = chain.size() > 1 && runbook.sections[chain.front()].level == 1 && level_one == 1 ? 1 : 0;
  std::string out;
  for (size_t i = first; i < chain.size(); ++i) {
    if (!out.empty()) out += " \u203a ";
    out += runbook.sections[chain[i]].title;
  }
  return out;
}

}  // namespace rbc
