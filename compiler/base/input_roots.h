#pragma once
/// Where runbooks may be read from. A runbook reached through a symbolic link
/// is read only when the link's target lies inside the input: a link
/// committed to a repository (`notes.md -> ~/.aws/credentials`) must not
/// publish a file from elsewhere on the machine in the site, a script or a
/// report.
#include <string>
#include <vector>

namespace rbc {

class InputRoots {
 public:
  /// The directories among `paths` (files are ignored), resolved through links.
  explicit InputRoots(const std::vector<std::string>& paths);

  /// Empty when `path` is not a symbolic link, or when its target resolves
  /// inside a root (or inside `also_inside`, a directory); else the warning
  /// "PATH: skipped: a symbolic link to a file outside the input (TARGET)".
  std::string link_outside(const std::string& path, const std::string& also_inside = "") const;

 private:
  std::vector<std::string> roots_;  ///< canonical, no trailing '/' (except "/")
};

}  // namespace rbc
