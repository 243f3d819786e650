#pragma once
/// Whether a Markdown file presents itself as an incident runbook, for the
/// document rules that only make sense for one (required sections, severity).
#include <string>
#include <string_view>

#include "compiler/syntax/ir.h"

namespace rbc {

/// Lower-cased words of `text` separated by single spaces (and one at each
/// end): mojibake repaired, emoji, numbering and punctuation dropped.
std::string heading_words(std::string_view text);

/// Front matter naming alerts or a severity, or "runbook", "alert",
/// "incident", "playbook", "outage" in the file's path or title (a README or
/// index page introducing a folder of runbooks is not one).
bool looks_like_incident_runbook(const Runbook& runbook);

}  // namespace rbc
