#pragma once
/// Watches the inputs of a build for the changes that call for a rebuild
/// (Linux inotify). Directories among the inputs are watched with every
/// directory below them, including those created later, but hidden ones and
/// node_modules (which the build skips too); a file named as an input is
/// watched through its directory.
#include <map>
#include <string>
#include <vector>

namespace rbc::serve {

/// Whether a file in a walked directory matters to the build: a runbook
/// (`*.md`) or a `.runbookc.yaml`. Editors' swap and backup files do not.
bool is_build_input(std::string_view file_name);

class TreeWatcher {
 public:
  /// Starts watching `paths`; throws std::runtime_error when inotify is
  /// unavailable. A directory that cannot be watched becomes a warning.
  explicit TreeWatcher(const std::vector<std::string>& paths);
  ~TreeWatcher();
  TreeWatcher(const TreeWatcher&) = delete;
  TreeWatcher& operator=(const TreeWatcher&) = delete;

  /// Readable when changes are pending (for poll).
  int fd() const { return fd_; }
  /// Reads the pending events without blocking: the paths created, written,
  /// moved or deleted that matter to the build (runbooks, configuration,
  /// directories). Editors that save through a rename show up as the
  /// rename's target. New directories are watched from now on.
  std::vector<std::string> read_changes();
  /// Problems met since the last call (a directory that could not be watched).
  std::vector<std::string> take_warnings();

 private:
  void watch_tree(const std::string& dir);
  int add_watch(const std::string& dir);

  int fd_ = -1;
  std::map<int, std::string> walked_;       ///< watch descriptor → directory walked for runbooks
  std::map<int, std::string> named_parent_; ///< watch descriptor → directory of files named as inputs
  std::map<std::string, std::string> named_files_;  ///< dir + "/" + name → the file as named
  std::vector<std::string> warnings_;
};

}  // namespace rbc::serve
