#pragma once
/// `.runbookc.yaml`: which rules run and how severe they are, required
/// sections, secret-name patterns, protected branches, excluded paths, the
/// default review period. Found by walking up from each runbook's directory,
/// or named with `lint --config FILE`; CLI flags (--select, --ignore, --today)
/// are applied on top. A file applies over the ones in the directories above
/// it, up to one that says `root: true`: `rules` merge rule by rule,
/// `exclude` and `per_file_ignores` add up, every other key replaces.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/date.h"
#include "compiler/languages/team_commands.h"
#include "compiler/syntax/alert_names.h"
#include "linter/diagnostic.h"

namespace rbc {

struct Rule;

/// A role a runbook must cover ("Mitigation") and the headings that count for it.
struct RequiredSection {
  std::string role;
  std::vector<std::string> aliases;  ///< compared case-insensitively, emoji and numbering ignored
};

/// Rules not reported in the files a glob matches (`per_file_ignores`).
struct PerFileIgnore {
  std::string glob;                    ///< anchored: absolute, as Config::exclude
  std::vector<std::string> selectors;  ///< codes, code prefixes, names or ALL (canonical)
};

/// `alerts:`: which conventions name a runbook's alerts, and how `runbookc
/// alerts check` maps an alert's runbook URL to a runbook's source file.
struct AlertsConfig {
  AlertNaming naming;
  std::string annotation = "runbook_url";  ///< the annotation holding the runbook's URL
  /// `runbook_url.base`: URLs under it are runbook pages; "" maps none.
  std::string url_base;
  /// `runbook_url.source`: the directory (absolute) that `url_base` maps to.
  std::string url_source;
  /// `runbook_url.case: lower`: the site lower-cases paths (Hugo's default),
  /// so a URL path is compared with source paths case-insensitively.
  bool url_lower_case = false;
};

struct Config {
  std::string path;  ///< the file it was read from; empty for the defaults
  /// The files applied, the top-most first (`path` last); empty for the defaults.
  std::vector<std::string> files;
  /// Where each setting came from ("FILE:LINE"), by key ("rules.RB409" for a rule).
  std::map<std::string, std::string> origin;
  bool root = false;  ///< `root: true`: the walk up stops at this file
  /// Per rule code: nullopt = off, else the severity to report at. Rules not listed keep their default.
  std::map<std::string, std::optional<Severity>> rule_overrides;
  std::vector<std::string> select;  ///< CLI --select: codes, names or code prefixes ("RB3"); empty = all
  std::vector<std::string> ignore;  ///< CLI --ignore
  std::vector<RequiredSection> required_sections;
  std::vector<std::string> secret_names;        ///< upper-case substrings of variable names that hold secrets
  std::vector<std::string> protected_branches;  ///< for the force-push rule
  /// Globs anchored at the directory of the file that gave them (made
  /// absolute when read), so a parent's globs keep their meaning in a child.
  std::vector<std::string> exclude;
  std::vector<PerFileIgnore> per_file_ignores;
  /// File extensions (without the dot) that count as runbooks when a
  /// directory is walked; files named on the command line are read whatever
  /// their extension.
  std::vector<std::string> extensions = {"md"};
  /// `commands:` aliases, wrappers and the team's own dangerous commands; null when none.
  std::shared_ptr<const TeamCommands> team_commands;
  AlertsConfig alerts;
  int review_period_days = 180;  ///< for in-body "Last Updated:" dates with no period of their own
  Date today = today_local();

  /// The built-in configuration used when no file is found.
  static const Config& defaults();
  /// Whether `rule` runs, and at which severity.
  bool enabled(const Rule& rule) const;
  Severity severity(const Rule& rule) const;
  /// True when `secret_names` matches `variable` (case-insensitive substring).
  bool is_secret_name(std::string_view variable) const;
  /// True when `file` (as given on the command line) matches an exclude glob.
  bool excluded(const std::string& file) const;
  /// True when `per_file_ignores` turns `rule` off in `file`.
  bool ignored_in(const std::string& file, const Rule& rule) const;
};

/// The defaults, shared (what `lint_bytes` without a config uses).
std::shared_ptr<const Config> default_config();

/// Reads a configuration file over the defaults. On error returns nullopt and
/// sets `error` to "FILE:LINE: what is wrong".
std::optional<Config> load_config(const std::string& path, std::string& error);
/// The same for configuration text already read; `path` names it in errors
/// and anchors its exclude globs. Read over `base` when given (a parent
/// directory's configuration), else over the defaults.
std::optional<Config> parse_config(std::string_view text, const std::string& path, std::string& error,
                                   const Config* base = nullptr);

/// A glob relative to `dir` made absolute, the directory's own characters
/// escaped for fnmatch.
std::string anchored_glob(const std::filesystem::path& dir, const std::string& glob);
/// A selector matches a rule: ALL, its name, its code or a prefix of it ("RB3").
bool selector_matches(const std::string& selector, const Rule& rule);

/// The nearest `.runbookc.yaml` in `dir` or a parent directory; "" when none.
/// `memo` (absolute directory -> answer) spares the ancestors already looked
/// at when many directories are resolved.
std::string find_config_file(const std::string& dir, std::map<std::string, std::string>* memo = nullptr);

}  // namespace rbc
