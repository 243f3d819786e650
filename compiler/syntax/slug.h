#pragma once
/// GitHub-compatible heading anchors, so links pasted from GitHub keep working.
#include <map>
#include <string>
#include <string_view>

namespace rbc {

/// GitHub's slug of a heading's plain text: lower-cased (Unicode-aware),
/// punctuation and symbols (emoji included) removed, spaces turned into '-'.
std::string github_slug(std::string_view heading);

/// `name` as a part of a file name: names up to 100 bytes as they are, longer
/// ones cut to 100 bytes (whole UTF-8 characters) + '-' + 8 hex digits of a
/// hash of the whole name, so that `<id>--<anchor>.sh` stays under the 255
/// bytes file systems allow and distinct long names stay distinct.
std::string file_name_part(std::string_view name);

/// Hands out unique slugs within one document: repeats get -1, -2, ...
class Slugger {
 public:
  std::string unique(std::string_view heading);

 private:
  std::map<std::string, int> seen_;
};

}  // namespace rbc
