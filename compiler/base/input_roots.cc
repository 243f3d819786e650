#include "compiler/base/input_roots.h"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>

namespace rbc {
namespace fs = std::filesystem;
namespace {

std::string canonical_or_empty(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::canonical(path, ec);
  return ec ? std::string() : p.string();
}

bool inside(const std::string& file, const std::string& dir) {
  if (dir.empty()) return false;
  if (dir == "/") return true;
  return file.size() > dir.size() && file.compare(0, dir.size(), dir) == 0 && file[dir.size()] == '/';
}

}  // namespace

InputRoots::InputRoots(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) continue;
    if (std::string root = canonical_or_empty(p); !root.empty()) roots_.push_back(std::move(root));
  }
}

std::string InputRoots::link_outside(const std::string& path, const std::string& also_inside) const {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {};
  std::string target = canonical_or_empty(path);
  if (target.empty()) return fmt::format("{}: skipped: a symbolic link that does not resolve", path);
  if (!also_inside.empty() && inside(target, canonical_or_empty(also_inside))) return {};
  for (const std::string& root : roots_)
    if (inside(target, root)) return {};
  return fmt::format("{}: skipped: a symbolic link to a file outside the input ({})", path, target);
}

}  // namespace rbc
