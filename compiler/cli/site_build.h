#pragma once
/// `runbookc build`: lints runbooks (in parallel, through the driver) and
/// writes the static site: a page per runbook, index, search, rule pages,
/// lint report, JSON indexes and their schemas, assets. The build is
/// deterministic, atomic (see OutputDir) and incremental: a runbook whose
/// key (hash of its bytes, path, runbookc version, options, embedded assets
/// and nearest config) is in the output's cache is not linted or rendered.
#include <optional>
#include <string>
#include <vector>

#include "compiler/emit/site/page.h"
#include "linter/diagnostic.h"

namespace rbc::site {

struct BuildOptions {
  std::vector<std::string> paths;
  std::string output = "site";
  SiteInfo info;
  std::string base_url;  ///< prefix of the URLs in alerts.json ("" = relative)
  std::string today;     ///< YYYY-MM-DD for overdue reviews; "" = the system date
  unsigned jobs = 0;     ///< 0: one per core
  bool progress = false; ///< a progress line on stderr
  /// As lint's --config, --select, --ignore: the site's findings are CI's.
  std::string config_file;
  std::vector<std::string> select, ignore;
};

struct BuildReport {
  std::vector<std::string> errors;    ///< usage or I/O problems: nothing was written
  std::vector<std::string> warnings;
  size_t runbooks = 0;
  size_t rendered = 0;                ///< linted and rendered in this build
  size_t reused = 0;                  ///< taken from the cache
  std::optional<Severity> worst;      ///< the most severe finding, if any
};

/// Builds the site into options.output; throws std::runtime_error on I/O failure.
BuildReport build_site(const BuildOptions& options);

}  // namespace rbc::site
