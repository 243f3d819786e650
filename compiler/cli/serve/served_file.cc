#include "compiler/cli/serve/served_file.h"

#include <algorithm>
#include <utility>

namespace fs = std::filesystem;

namespace rbc::serve {
namespace {

/// True when `inner` is `outer` or lies below it (both canonical).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [end_outer, end_inner] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return end_outer == outer.end();
}

}  // namespace

ServedFile resolve_served_file(const fs::path& root, std::string_view url_path) {
  ServedFile result;
  if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos) {
    result.kind = ServedFile::Kind::forbidden;
    return result;
  }
  // Lexical first: a `..` segment is refused even when it would stay inside.
  fs::path relative;
  size_t start = 1;
  while (start <= url_path.size()) {
    size_t end = url_path.find('/', start);
    if (end == std::string_view::npos) end = url_path.size();
    std::string_view segment = url_path.substr(start, end - start);
    if (segment == "..") {
      result.kind = ServedFile::Kind::forbidden;
      return result;
    }
    if (!segment.empty() && segment != ".") relative /= std::string(segment);
    start = end + 1;
  }
  bool names_directory = url_path.back() == '/';
  if (names_directory) relative /= "index.html";

  // Then through the file system: a symbolic link must not lead outside.
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return result;
  fs::path real = fs::canonical(real_root / relative, ec);
  if (ec) return result;
  if (!is_within(real, real_root)) {
    result.kind = ServedFile::Kind::forbidden;
    return result;
  }
  fs::file_status status = fs::status(real, ec);
  if (ec) return result;
  if (fs::is_directory(status)) {
    if (names_directory || !fs::is_regular_file(real / "index.html", ec)) return result;
    result.kind = ServedFile::Kind::redirect;
    result.location = std::string(url_path) + "/";
    return result;
  }
  if (!fs::is_regular_file(status)) return result;
  result.kind = ServedFile::Kind::file;
  result.path = std::move(real);
  return result;
}

std::string_view content_type_for(const fs::path& path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      // Scripts are shown, not downloaded: a preview is for reading them.
      {".sh", "text/plain; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
      {".png", "image/png"},
  };
  std::string extension = path.extension().string();
  for (const auto& [ext, type] : kTypes)
    if (extension == ext) return type;
  return "application/octet-stream";
}

}  // namespace rbc::serve
