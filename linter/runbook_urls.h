#pragma once
/// From an alert's runbook URL to the runbook's source file, the way the
/// static-site generators that publish runbooks lay pages out: the URL's path
/// below `runbook_url.base` names `{path}.md`, `{path}.html.md`,
/// `{path}/index.md`, `{path}/_index.md` or `{path}/README.md` below
/// `runbook_url.source` (a trailing `/`, `.html` or `/index.html` dropped);
/// with `case: lower` both sides are compared lower-cased, as Hugo
/// lower-cases the URLs it makes. No file system access: the runbooks given
/// are the pages that exist.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/config.h"

namespace rbc {

/// Where a URL leads.
struct UrlTarget {
  enum class Kind { outside_base, page, no_page };
  Kind kind = Kind::outside_base;
  int runbook = -1;       ///< index into the runbooks given, for `page`
  std::string page_path;  ///< the URL's path below the base, decoded (what was looked for)
  std::string fragment;   ///< after '#', decoded; "" when none
};

class RunbookUrlMap {
 public:
  /// `paths[i]`: the source file of runbook i, as given on the command line.
  RunbookUrlMap(const AlertsConfig& config, const std::vector<std::string>& paths);
  UrlTarget resolve(std::string_view url) const;
  /// The page key of a source path ("node/nodediskfull" for
  /// "<source>/node/NodeDiskFull.md" under case: lower); nullopt outside `source`.
  std::optional<std::string> page_key(const std::string& path) const;

 private:
  const AlertsConfig& config_;
  std::unordered_map<std::string, int> pages_;
};

/// `%41` -> `A`; malformed escapes are kept as written.
std::string percent_decode(std::string_view text);

}  // namespace rbc
