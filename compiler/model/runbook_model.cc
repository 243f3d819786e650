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

}  // namespace rbc
