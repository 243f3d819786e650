#pragma once
/// Which configuration each runbook is linted under: `--config FILE`, else the
/// nearest `.runbookc.yaml` above the file, else the defaults; then the CLI's
/// --select/--ignore/--today on top. Configuration files are read once each.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "linter/driver.h"
#include "linter/config.h"

namespace rbc {

/// Configuration files read over those in the directories above them (up to
/// `root: true`), each read once.
class ConfigTree {
 public:
  explicit ConfigTree(std::map<std::string, std::string>& find_memo);
  /// The file at `path` over its parents; null with `error` ("FILE:LINE: ...") set.
  std::shared_ptr<const Config> load(const std::string& path, std::string& error);
  /// The file at `path` alone (`--config FILE`), read once however often asked
  /// (it may be /dev/stdin).
  std::shared_ptr<const Config> load_alone(const std::string& path, std::string& error);

 private:
  std::map<std::string, std::string>& find_memo_;  ///< find_config_file's, by absolute directory
  std::map<std::string, std::shared_ptr<const Config>> loaded_, alone_;
  std::map<std::string, std::string> errors_, alone_errors_;
};

/// One config per entry of `files`; files matching their config's `exclude`
/// are removed from `files`. A bad config or option is added to `run.errors`
/// ("FILE:LINE: ...") and an empty vector returned.
/// `tree`: configuration files already read (by collect_runbooks), or null.
std::vector<std::shared_ptr<const Config>> resolve_configs(std::vector<std::string>& files, const LintOptions& options,
                                                           LintRun& run, ConfigTree* tree = nullptr);


/// Checks --select/--ignore/--today; returns "" or what is wrong.
std::string check_cli_overrides(const LintOptions& options);

}  // namespace rbc
