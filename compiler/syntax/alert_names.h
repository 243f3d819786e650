#pragma once
/// Which Prometheus alerts a runbook is for, from the conventions real
/// repositories follow: front matter (`alerts:`), a file named after the
/// alert in an alerts/ or runbooks/ tree (`KubePodCrashLooping.md`), a title
/// that is the alert's name (`# KubePodCrashLooping`), and a team's own
/// pattern over headings (`.runbookc.yaml` alerts.name_pattern).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

class Pattern;

/// Which sources name alerts, and the team's pattern. Null pattern: none.
struct AlertNaming {
  bool front_matter = true;
  bool file_name = true;
  bool heading = true;
  /// A regular expression searched in every heading's text; its first capture
  /// group (else the whole match) is an alert name when it is an identifier.
  std::shared_ptr<const Pattern> name_pattern;
  std::string name_pattern_text;  ///< as configured, for --show-settings
};

/// The defaults: every built-in source on, no pattern.
const AlertNaming& default_alert_naming();

/// True for a Prometheus alert identifier ([A-Za-z_:][A-Za-z0-9_:]*) that a
/// heading or file name would not hold by chance: camel case with at least two
/// humps (`KubePodCrashLooping`, `etcdMembersDown`, `CephOSDDown`) and a
/// lower-case letter. "Overview", "README", "node-down", "Watchdog" are not.
bool looks_like_alert_name(std::string_view text);

/// True for any Prometheus metric-name identifier (what a rule file or front
/// matter may name: `Watchdog`, `instance_down`).
bool is_alert_identifier(std::string_view text);

/// The stem of an alert's runbook file when `path` is `.../alerts/X.md` or
/// `.../runbooks/<any>/X.md` (X.html.md, X.markdown too) and X looks like an
/// alert name; "" otherwise. (The runbook's title, when it has one, must also
/// name X for the file_name source to take it: alerts_from_conventions.)
std::string alert_name_from_path(std::string_view path);

/// Adds to `runbook.metadata` (alerts, alert_origins) the names the enabled
/// sources other than front matter give; front matter was read with the
/// metadata. Each name once in `alerts`, every (name, source) in origins.
/// The file name and the title count only in an alerts/ or runbooks/ tree,
/// and a file name only when the runbook's title (front matter, or the H1, else
/// the first H2), if it has one, names it too.
void alerts_from_conventions(Runbook& runbook, const AlertNaming& naming);

}  // namespace rbc
