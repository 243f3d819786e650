#pragma once
/// Writing a site atomically: files go to a temporary directory beside the
/// target, which then replaces the target in one rename (RENAME_EXCHANGE), so
/// readers see the old site or the new one, and a failed build leaves the
/// old one intact.
#include <filesystem>
#include <string>
#include <string_view>

namespace rbc::site {

class OutputDir {
 public:
  explicit OutputDir(std::filesystem::path target);
  /// Removes the temporary directory unless commit() succeeded.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& staging() const { return staging_; }
  /// Writes `bytes` to `relative` inside the staging directory (mode 0755
  /// when `executable`); throws on failure. Safe to call from several
  /// threads for distinct paths.
  void write(const std::string& relative, std::string_view bytes, bool executable = false);
  /// Copies a file or directory of the current target into the staging directory.
  void carry_over(const std::string& relative);
  /// Hard-links a file of the current target into the staging directory (its
  /// content is known to be what this build would write); copies when links fail.
  void link_over(const std::string& relative);
  /// Swaps the staging directory in; throws on failure.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

/// Reads a whole file; false when it cannot be read.
bool read_file(const std::filesystem::path& path, std::string& out);

}  // namespace rbc::site
