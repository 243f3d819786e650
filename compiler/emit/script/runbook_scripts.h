#pragma once
/// The scripts a runbook compiles to: one for the whole runbook and one per
/// incident section, named after the runbook's id and the section's anchor.
/// `runbookc build` writes them; runbooks.json lists them (build and index alike).
#include <string>
#include <vector>

#include "compiler/model/url_layout.h"
#include "linter/driver.h"
#include "compiler/emit/script/script.h"

namespace rbc {

struct RunbookScript {
  std::string path;  ///< script_url(id, anchor), relative to the site root
  int section = -1;  ///< -1: the whole runbook
  std::string body;
};

/// The scripts that compile (a step with a syntax error, or nothing
/// runnable, means none); the whole runbook first, then sections in order,
/// leaving out a section that holds every step (its script would repeat the whole).
/// `check`: `validate` runs bash -n on the whole-runbook script (and checks
/// every step with bash when it fails); `lenient` leaves that to the caller,
/// which may validate many runbooks' scripts at once (bash_check_many) and
/// ask again with `strict` for those that fail.
std::vector<RunbookScript> runbook_scripts(const FileResult& file, const std::string& id,
                                           ScriptCheck check = ScriptCheck::validate);

/// What the page and the index list of `scripts`.
std::vector<ScriptLink> script_links(const std::vector<RunbookScript>& scripts);

/// The shell steps of `runbook` as the scripts run them (each wrapped in a
/// function), rendered as tree-sitter accepted them: what a caller checks
/// with bash_check_many before trusting `lenient` scripts.
std::vector<std::string> shell_step_functions(const Runbook& runbook);

}  // namespace rbc
