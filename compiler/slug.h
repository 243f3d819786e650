#pragma once
/// GitHub-compatible heading anchors, so links pasted from GitHub keep working.
#include <map>
#include <string>
#include <string_view>

namespace rbc {

/// GitHub's slug of a heading's plain text: lower-cased (Unicode-aware),
/// punctuation and symbols (emoji included) removed, spaces turned into '-'.
std::string github_slug(std::string_view heading);

/// Hands out unique slugs within one document: repeats get -1, -2, ...
class Slugger {
 public:
  std::string unique(std::string_view heading);

 private:
  std::map<std::string, int> seen_;
};

}  // namespace rbc
