#pragma once
/// The scripts a runbook compiles to: one for the whole runbook and one per
/// incident section, named after the runbook's id and the section's anchor.
/// `runbookc build` writes them; runbooks.json lists them (build and index alike).
#include <string>
#include <vector>

#include "compiler/driver.h"

namespace rbc {

struct RunbookScript {
  std::string path;  ///< "scripts/<id>.sh" or "scripts/<id>--<anchor>.sh", relative to the site root
  int section = -1;  ///< -1: the whole runbook
  std::string body;
};

/// The scripts that compile (a step with a syntax error, or nothing
/// runnable, means none); the whole runbook first, then sections in order,
/// leaving out a section that holds every step (its script would repeat the whole).
std::vector<RunbookScript> runbook_scripts(const FileResult& file, const std::string& id);

}  // namespace rbc
