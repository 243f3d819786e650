#pragma once
/// Content hashes of the source files, with a stat fast path like git's
/// index: a file whose inode, size, mtime and ctime are those recorded when
/// it was last hashed is not read again. The hash stays the cache key; the
/// stat data only says when it can be trusted without reading. A hash is
/// recorded with its stat data only when the file's ctime is older than the
/// clock when hashing began, so that a change made later, even within the
/// same timestamp tick, changes the ctime (a "racily clean" file is read
/// again next time). The memo is a file of the work directory, not of the
/// site: it depends on inodes and times, which builds must not.
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace rbc::site {

/// What stat says of a file; equal stamps mean an unchanged file.
struct StatStamp {
  unsigned long long inode = 0, size = 0;
  long long mtime_ns = 0, ctime_ns = 0;
  bool operator==(const StatStamp&) const = default;
};

class SourceHashes {
 public:
  /// Loads the memo at `memo_file` (missing or corrupt: empty) and notes the
  /// clock, for the racy-file rule.
  explicit SourceHashes(std::filesystem::path memo_file);
  /// The content hash of the file at `path` (see content_hash()), or nullopt
  /// when it cannot be read. Thread-safe.
  std::optional<std::string> hash(const std::string& path);
  /// Writes the memo of the files hashed since loading, when it changed.
  void save();

 private:
  struct Known {
    StatStamp stat;
    std::string hash;
    bool operator==(const Known&) const = default;
  };
  std::filesystem::path file_;
  long long started_ns_ = 0;         ///< the coarse clock (file times come from it) when loading
  std::map<std::string, Known> loaded_;  ///< read-only once loaded
  std::map<std::string, Known> seen_;    ///< this build's files with trusted stamps
  std::mutex mutex_;                     ///< guards seen_
};

}  // namespace rbc::site
