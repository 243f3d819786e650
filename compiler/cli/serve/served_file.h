#pragma once
/// Which file of the served site a request path names. Only files inside
/// the site's directory are ever answered: `..` segments, backslashes, NUL
/// bytes and symbolic links that lead outside are refused.
#include <filesystem>
#include <string>
#include <string_view>

namespace rbc::serve {

struct ServedFile {
  enum class Kind {
    file,       ///< `path` is a regular file inside the root
    redirect,   ///< a directory named without its trailing slash: `location` is the path with it
    forbidden,  ///< the path tries to leave the root
    not_found,
  };
  Kind kind = Kind::not_found;
  std::filesystem::path path;
  std::string location;
};

/// Resolves `url_path` (already percent-decoded, starting with '/') under
/// `root`; a directory stands for its index.html.
ServedFile resolve_served_file(const std::filesystem::path& root, std::string_view url_path);

/// The Content-Type a file is served with, by its extension.
std::string_view content_type_for(const std::filesystem::path& path);

}  // namespace rbc::serve
