#include "compiler/cli/serve/tree_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;

namespace rbc::serve {
namespace {

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;

/// The build does not walk these (linter/driver.cc): watching them would only cost watches.
bool is_skipped_directory(std::string_view name) {
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

std::string join(const std::string& dir, std::string_view name) {
  return dir.empty() || dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

}  // namespace

bool is_build_input(std::string_view name) {
  return name == ".runbookc.yaml" || (name.size() > 3 && name.ends_with(".md") && name[0] != '.');
}

TreeWatcher::TreeWatcher(const std::vector<std::string>& paths) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("cannot watch the runbooks (inotify): ") + std::strerror(errno));
  for (const std::string& p : paths.empty() ? std::vector<std::string>{"."} : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      watch_tree(p);
      continue;
    }
    fs::path file(p);
    std::string dir = file.has_parent_path() ? file.parent_path().string() : ".";
    int wd = add_watch(dir);
    if (wd < 0) continue;
    named_parent_[wd] = dir;
    named_files_[join(dir, file.filename().string())] = p;
  }
}

TreeWatcher::~TreeWatcher() {
  if (fd_ >= 0) close(fd_);
}

int TreeWatcher::add_watch(const std::string& dir) {
  int wd = inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
  if (wd < 0) warnings_.push_back("cannot watch " + dir + " for changes: " + std::strerror(errno));
  return wd;
}

void TreeWatcher::watch_tree(const std::string& dir) {
  int wd = add_watch(dir);
  if (wd < 0) return;
  walked_[wd] = dir;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    // Links to directories are not followed, as the build does not follow them.
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    std::string name = it->path().filename().string();
    if (!is_skipped_directory(name)) watch_tree(join(dir, name));
  }
}

std::vector<std::string> TreeWatcher::read_changes() {
  std::vector<std::string> changes;
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more pending
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        changes.push_back("(events lost: the queue overflowed)");
        continue;
      }
      if (event->mask & IN_IGNORED) {  // the directory is gone
        walked_.erase(event->wd);
        named_parent_.erase(event->wd);
        continue;
      }
      std::string_view name = event->len ? std::string_view(event->name) : std::string_view();
      if (auto w = walked_.find(event->wd); w != walked_.end()) {
        std::string path = join(w->second, name);
        if (event->mask & IN_ISDIR) {
          if (is_skipped_directory(name)) continue;
          if (event->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(path);
          changes.push_back(std::move(path));
        } else if (auto named = named_files_.find(path); named != named_files_.end()) {
          changes.push_back(named->second);
        } else if (is_build_input(name)) {
          changes.push_back(std::move(path));
        }
        continue;  // a directory both walked and holding a named file: walked covers it
      }
      if (auto d = named_parent_.find(event->wd); d != named_parent_.end()) {
        if (auto named = named_files_.find(join(d->second, name)); named != named_files_.end())
          changes.push_back(named->second);
      }
    }
  }
  return changes;
}

std::vector<std::string> TreeWatcher::take_warnings() {
  std::vector<std::string> out;
  out.swap(warnings_);
  return out;
}

}  // namespace rbc::serve
