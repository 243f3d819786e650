#pragma once
/// Plain POSIX file reading and writing: one open, one read or write, no
/// stream buffers. Every output file is written through these.
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

/// Reads a whole file; false when it cannot be opened or read. `status`,
/// when given, receives what fstat said of it before it was read.
bool read_file(const std::filesystem::path& path, std::string& out, struct stat* status = nullptr);

/// A whole file mapped read-only (an empty file maps to an empty view).
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  /// Maps `path`; false when it cannot be opened or mapped.
  bool open(const std::filesystem::path& path);
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

/// Creates `path` (which must not exist: a new inode, never a write through an
/// existing one) holding the concatenated `pieces`, mode 0777 or 0666 less
/// the umask; creates missing parent directories. Throws std::runtime_error
/// naming the path.
void write_new_file(const std::filesystem::path& path, const std::vector<std::string_view>& pieces, bool executable);
void write_new_file(const std::filesystem::path& path, std::string_view bytes, bool executable);

/// Replaces `path` atomically by a new file holding `bytes`: written to a
/// temporary name beside it that no other writer uses (process id and a
/// counter), then renamed over it; a reader sees the old file or the new one,
/// never half of one, and the temporary file is removed on failure. Throws
/// std::runtime_error naming the path.
void replace_file(const std::filesystem::path& path, std::string_view bytes, bool executable = false);

/// replace_file for a file edited in place (`lint --fix`): the new file gets
/// `mode` (the old file's permission bits) instead of the default.
void replace_file_keeping_mode(const std::filesystem::path& path, std::string_view bytes, mode_t mode);

/// Removes `path` if it exists; throws on any other failure.
void remove_file(const std::filesystem::path& path);

}  // namespace rbc
