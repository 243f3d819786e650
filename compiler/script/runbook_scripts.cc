#include "compiler/script/runbook_scripts.h"

#include "compiler/script/plan.h"
#include "compiler/script/script.h"

namespace rbc {

std::vector<RunbookScript> runbook_scripts(const FileResult& file, const std::string& id) {
  std::vector<RunbookScript> out;
  const Runbook& rb = file.runbook;
  if (!file.error.empty() || !rb.source || rb.binary) return out;
  std::vector<int> sections{-1};
  for (int s : incident_sections(rb)) sections.push_back(s);
  for (int section : sections) {
    std::string error;
    std::string body = generate_script(rb, file.diagnostics, section, &error);
    if (body.empty()) {
      if (section < 0) break;  // the whole runbook does not compile: its sections hold the same steps
      continue;
    }
    out.push_back({"scripts/" + id + (section < 0 ? "" : "--" + rb.sections[section].anchor) + ".sh", section,
                   std::move(body)});
  }
  return out;
}

}  // namespace rbc
