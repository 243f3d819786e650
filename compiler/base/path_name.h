#pragma once
/// The last component of a slash-separated path as written ("/usr/bin/rm"
/// gives "rm", "rm" stays "rm"): how a command's program is named, with no
/// file system access and no normalisation.
#include <string_view>

namespace rbc {

constexpr std::string_view last_path_component(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace rbc
