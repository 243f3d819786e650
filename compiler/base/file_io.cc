#include "compiler/base/file_io.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fs = std::filesystem;

namespace rbc {
namespace {

[[noreturn]] void fail(const char* what, const fs::path& path, int error) {
  throw std::runtime_error(std::string("cannot ") + what + " " + path.string() + ": " + std::strerror(error));
}

int create_exclusive(const fs::path& path, bool executable) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0777 : 0666);
}

}  // namespace

bool read_file(const fs::path& path, std::string& out, struct stat* status) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  if (status) *status = st;
  out.clear();
  if (ok && S_ISREG(st.st_mode)) out.resize(static_cast<size_t>(st.st_size));
  size_t filled = 0;
  while (ok) {
    if (filled == out.size()) out.resize(out.size() + 65536);  // larger than fstat said, or not a regular file
    ssize_t n = ::read(fd, out.data() + filled, out.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    filled += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(filled);
  return ok;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

bool MappedFile::open(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok && st.st_size > 0) {
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ok = data != MAP_FAILED;
    if (ok) {
      data_ = data;
      size_ = static_cast<size_t>(st.st_size);
    }
  }
  ::close(fd);
  return ok;
}

void write_new_file(const fs::path& path, const std::vector<std::string_view>& pieces, bool executable) {
  int fd = create_exclusive(path, executable);
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail("create the directory of", path, ec.value());
    fd = create_exclusive(path, executable);
  }
  if (fd < 0) fail("create", path, errno);
  // writev, at most IOV_MAX pieces at a time; a short write resumes mid-piece.
  std::vector<iovec> iov;
  iov.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) iov.push_back({const_cast<char*>(p.data()), p.size()});
  for (size_t first = 0; first < iov.size();) {
    int count = static_cast<int>(std::min<size_t>(iov.size() - first, IOV_MAX));
    ssize_t n = ::writev(fd, iov.data() + first, count);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      fail("write", path, error);
    }
    size_t done = static_cast<size_t>(n);
    while (first < iov.size() && done >= iov[first].iov_len) done -= iov[first++].iov_len;
    if (done > 0) {
      iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + done;
      iov[first].iov_len -= done;
    }
  }
  if (::close(fd) != 0) fail("write", path, errno);
}

void write_new_file(const fs::path& path, std::string_view bytes, bool executable) {
  write_new_file(path, std::vector<std::string_view>{bytes}, executable);
}

namespace {

/// Writes `bytes` to a temporary name beside `path` (process id and a
/// counter), lets `prepare` finish it, then renames it over `path`; the
/// temporary file is removed on any failure.
template <typename Prepare>
void replace_through_temporary(const fs::path& path, std::string_view bytes, bool executable, Prepare prepare) {
  static std::atomic<unsigned> written{0};
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(written++);
  try {
    write_new_file(tmp, bytes, executable);
    prepare(tmp);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(tmp.c_str());
    fail("replace", path, error);
  }
}

}  // namespace

void replace_file(const fs::path& path, std::string_view bytes, bool executable) {
  replace_through_temporary(path, bytes, executable, [](const fs::path&) {});
}

void replace_file_keeping_mode(const fs::path& path, std::string_view bytes, mode_t mode) {
  replace_through_temporary(path, bytes, false, [mode](const fs::path& tmp) {
    if (::chmod(tmp.c_str(), mode & 07777) != 0) fail("set the mode of", tmp, errno);
  });
}

void remove_file(const fs::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail("remove", path, errno);
}

}  // namespace rbc
