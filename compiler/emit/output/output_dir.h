#pragma once
/// Writing a site atomically and incrementally.
///
/// Atomic: files go to a staging directory beside the target, which then
/// replaces the target in one rename (RENAME_EXCHANGE), so readers see the
/// old site or the new one, and a failed build leaves the old one intact.
///
/// Incremental: the generation the swap takes out is not deleted but kept in
/// the work directory `.<name>.runbookc/` beside the target, as `prev`. The
/// next build claims it as its staging directory (renaming it first, so a
/// build that dies never leaves a half-updated `prev` to reuse) and, going by
/// the manifests of both trees (see manifest.h), touches only the files that
/// differ: a build costs what changed in the last two builds, not the size
/// of the site. Staged files may be hard links shared with the live site, so
/// they are never written in place: replaced by a new inode or a new link.
/// Builds into the same target take turns (flock on the work directory).
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/emit/output/manifest.h"

namespace rbc::site {

/// The current site is not what its manifest says (a file is missing, the
/// cache differs: it was changed by hand); a build that reuses nothing
/// repairs it.
struct StaleOutput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class OutputDir {
 public:
  /// Prepares the staging directory; throws std::runtime_error on failure.
  /// Without `reuse`, nothing of the current site or of the previous
  /// generation is used (every file is written anew) or kept afterwards: for
  /// a site found changed by hand.
  explicit OutputDir(std::filesystem::path target, bool reuse = true);
  /// Removes the staging directory unless commit() succeeded.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::filesystem::path& target() const { return target_; }
  /// The directory holding `prev` and the staging directories.
  const std::filesystem::path& work_dir() const { return work_; }
  /// True when the current site holds `relative`, according to its manifest.
  bool has(std::string_view relative) const { return current_.contains(relative); }
  /// The current site's stamp for `relative`, or nullptr.
  const FileStamp* current_stamp(std::string_view relative) const {
    auto it = current_.find(relative);
    return it == current_.end() ? nullptr : &it->second;
  }
  /// This build's `relative` holds `bytes` (mode 0755 when `executable`).
  /// Throws on failure. Safe to call from several threads for distinct paths.
  void write(const std::string& relative, std::string_view bytes, bool executable = false);
  /// write() of the concatenated `pieces`, never joined in memory.
  void write(const std::string& relative, const std::vector<std::string_view>& pieces, bool executable = false);
  /// This build's `relative` is the current site's file, unchanged. Throws
  /// StaleOutput when the current site does not hold it. Thread-safe as write().
  void keep(const std::string& relative);
  /// Removes what this build did not write, writes the manifest and swaps
  /// the staging directory in; throws on failure.
  void commit();

 private:
  /// Takes the lock, then claims the previous generation or makes an empty staging directory.
  void prepare_staging();
  /// Records `stamp` for `relative`; true when the staging tree already holds it.
  bool declare(const std::string& relative, const FileStamp& stamp);
  /// Links the current site's `relative` into the staging tree; 0 or the errno.
  int link_current(const std::string& relative);
  /// True for the errors of a link that only a copy can replace (another device, no link support).
  static bool links_unavailable(int error);
  void remove_undeclared();
  /// Makes the claimed generation agree with its manifest as far as a
  /// listing tells: files it lacks are forgotten (written again if needed),
  /// files it does not list are removed. Content edited in place is not seen.
  void reconcile_staged();
  /// Reconciles the staging tree's directory `relative` ("" or ending in
  /// '/') and those below; the number of listed files found there.
  size_t reconcile_directory(std::string& relative);

  std::filesystem::path target_, work_, staging_;
  int lock_fd_ = -1;
  bool reuse_ = true;
  bool committed_ = false;
  Manifest current_;  ///< the live site's files
  Manifest staged_;   ///< the files the staging tree holds from its earlier generation
  Manifest written_;  ///< this build's files
  std::mutex mutex_;  ///< guards written_
};

}  // namespace rbc::site
