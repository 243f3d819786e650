#include "compiler/emit/output/output_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "compiler/base/file_io.h"

namespace fs = std::filesystem;

namespace rbc::site {
namespace {

constexpr const char* kPrevious = "prev";
constexpr const char* kStagingPrefix = "build-";

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

bool path_exists(const fs::path& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

/// Removes the directories of `relative` inside `root` that became empty, deepest first.
void remove_empty_parents(const fs::path& root, fs::path relative) {
  while (relative.has_parent_path()) {
    relative = relative.parent_path();
    if (::rmdir((root / relative).c_str()) != 0) return;
  }
}

}  // namespace

OutputDir::OutputDir(fs::path target, bool reuse) : target_(std::move(target)), reuse_(reuse) {
  target_ = target_.lexically_normal();
  if (target_.filename().empty()) target_ = target_.parent_path();  // "site/"
  if (target_.empty() || target_.filename() == "." || target_.filename() == "..") target_ = fs::absolute(target_).lexically_normal();
  if (target_.filename().empty()) target_ = target_.parent_path();
  fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  work_ = parent / ("." + target_.filename().string() + ".runbookc");
  if (::mkdir(work_.c_str(), 0755) != 0 && errno != EEXIST) {
    fs::create_directories(parent);
    if (::mkdir(work_.c_str(), 0755) != 0 && errno != EEXIST) fail("create", work_);
  }
  lock_fd_ = ::open(work_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ < 0) fail("open", work_);
  try {
    prepare_staging();
  } catch (...) {
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    ::close(lock_fd_);
    throw;
  }
}

void OutputDir::prepare_staging() {
  // Builds of this target take turns; under the lock, a staging directory
  // left in the work directory belongs to a build that died: removed.
  bool locked = ::flock(lock_fd_, LOCK_EX) == 0;
  if (locked) {
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(work_, ec))
      if (e.path().filename().string().starts_with(kStagingPrefix) || (!reuse_ && e.path().filename() == kPrevious))
        fs::remove_all(e.path(), ec);
  }

  std::string pattern = (work_ / (std::string(kStagingPrefix) + "XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) fail("create a directory in", work_);
  staging_ = pattern;
  if (!reuse_) {
    if (::chmod(staging_.c_str(), 0755) != 0) fail("set the mode of", staging_);
    return;
  }
  if (auto manifest = read_manifest(target_)) current_ = std::move(*manifest);
  // Claim the previous generation: renamed onto the empty staging directory.
  if (locked && ::rename((work_ / kPrevious).c_str(), staging_.c_str()) == 0) {
    if (auto manifest = read_manifest(staging_)) {
      staged_ = std::move(*manifest);
      reconcile_staged();
      return;
    }
    fs::remove_all(staging_);  // no valid manifest: its content is unknown
    if (::mkdir(staging_.c_str(), 0700) != 0) fail("create", staging_);
  }
  if (::chmod(staging_.c_str(), 0755) != 0) fail("set the mode of", staging_);
}

void OutputDir::reconcile_staged() {
  std::string relative;
  size_t present = reconcile_directory(relative);
  if (present == staged_.size()) return;  // every listed file was found: the usual case
  for (auto it = staged_.begin(); it != staged_.end();) {
    struct stat st;
    if (::lstat((staging_ / it->first).c_str(), &st) == 0 && S_ISREG(st.st_mode)) ++it;
    else it = staged_.erase(it);  // deleted by hand: written again when needed
  }
}

size_t OutputDir::reconcile_directory(std::string& relative) {
  size_t prefix = relative.size(), present = 0;
  fs::path dir = staging_ / relative;
  DIR* d = ::opendir(dir.c_str());
  if (!d) fail("read", dir);
  std::vector<std::string> subdirectories;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    relative.resize(prefix);
    relative += name;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (::lstat((staging_ / relative).c_str(), &st) != 0) fail("read", staging_ / relative);
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
    }
    if (type == DT_DIR) subdirectories.push_back(relative + "/");
    else if (type == DT_REG && staged_.contains(std::string_view(relative))) ++present;
    else if (relative != kManifestName) remove_file(staging_ / relative);  // not of this generation: added by hand
  }
  ::closedir(d);
  for (std::string& sub : subdirectories) {
    present += reconcile_directory(sub);
    ::rmdir((staging_ / sub).c_str());  // when it is empty
  }
  relative.resize(prefix);
  return present;
}

OutputDir::~OutputDir() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

bool OutputDir::declare(const std::string& relative, const FileStamp& stamp) {
  {
    std::lock_guard lock(mutex_);
    if (!written_.emplace(relative, stamp).second) throw std::logic_error("site file written twice: " + relative);
  }
  auto staged = staged_.find(relative);
  if (staged == staged_.end()) return false;
  if (staged->second == stamp) return true;
  remove_file(staging_ / relative);  // may be a link to a live file: never written through
  return false;
}

int OutputDir::link_current(const std::string& relative) {
  fs::path from = target_ / relative, to = staging_ / relative;
  if (::link(from.c_str(), to.c_str()) == 0) return 0;
  if (errno == ENOENT && path_exists(from)) {  // the staging tree lacks the directory
    fs::create_directories(to.parent_path());
    if (::link(from.c_str(), to.c_str()) == 0) return 0;
  }
  return errno;
}

bool OutputDir::links_unavailable(int error) {
  return error == EXDEV || error == EPERM || error == EMLINK || error == ENOTSUP;
}

void OutputDir::write(const std::string& relative, std::string_view bytes, bool executable) {
  write(relative, std::vector<std::string_view>{bytes}, executable);
}

void OutputDir::write(const std::string& relative, const std::vector<std::string_view>& pieces, bool executable) {
  FileStamp stamp = stamp_of(pieces, executable);
  if (declare(relative, stamp)) return;
  auto current = current_.find(relative);
  if (current != current_.end() && current->second == stamp && link_current(relative) == 0) return;
  write_new_file(staging_ / relative, pieces, executable);
}

void OutputDir::keep(const std::string& relative) {
  auto current = current_.find(relative);
  if (current == current_.end()) throw StaleOutput(relative + " is not in the site's manifest");
  if (declare(relative, current->second)) return;
  int error = link_current(relative);
  if (error == 0) return;
  if (error == ENOENT) throw StaleOutput((target_ / relative).string() + " is missing although the site's manifest lists it");
  errno = error;
  if (!links_unavailable(error)) fail("link " + (target_ / relative).string() + " to", staging_ / relative);
  std::string bytes;
  if (!read_file(target_ / relative, bytes)) fail("read", target_ / relative);
  write_new_file(staging_ / relative, bytes, current->second.executable);
}

void OutputDir::remove_undeclared() {
  for (const auto& [relative, stamp] : staged_)
    if (!written_.contains(relative)) {
      remove_file(staging_ / relative);
      remove_empty_parents(staging_, relative);
    }
}

void OutputDir::commit() {
  remove_undeclared();
  fs::path manifest = staging_ / kManifestName;
  remove_file(manifest);
  write_new_file(manifest, std::string_view(manifest_text(written_)), false);
  if (path_exists(target_)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      fail("replace", target_);
    committed_ = true;
    // The staging directory now holds the previous site: kept for the next
    // build, unless this build would not trust it.
    std::error_code ec;
    if (!reuse_ || ::rename(staging_.c_str(), (work_ / kPrevious).c_str()) != 0) fs::remove_all(staging_, ec);
    return;
  }
  if (::rename(staging_.c_str(), target_.c_str()) != 0) fail("create", target_);
  committed_ = true;
}

}  // namespace rbc::site
