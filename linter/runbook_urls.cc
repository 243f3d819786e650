#include "linter/runbook_urls.h"

#include <filesystem>

#include "compiler/base/ascii.h"

namespace rbc {
namespace fs = std::filesystem;

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) {
    if (is_ascii_digit(c)) return c - '0';
    c = ascii_lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

/// "a/b/" -> "a/b", "a/b.html" -> "a/b", "a/index.html" -> "a".
std::string page_of_url_path(std::string path) {
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (ends_with_ci(path, "/index.html") || iequals(path, "index.html")) path.resize(path.size() >= 11 ? path.size() - 11 : 0);
  else if (ends_with_ci(path, ".html")) path.resize(path.size() - 5);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

RunbookUrlMap::RunbookUrlMap(const AlertsConfig& config, const std::vector<std::string>& paths) : config_(config) {
  for (size_t i = 0; i < paths.size(); ++i)
    if (std::optional<std::string> key = page_key(paths[i])) pages_.emplace(*key, static_cast<int>(i));
}

std::optional<std::string> RunbookUrlMap::page_key(const std::string& path) const {
  if (config_.url_base.empty()) return std::nullopt;
  std::error_code ec;
  fs::path file = fs::absolute(path, ec).lexically_normal();
  fs::path relative = file.lexically_relative(fs::path(config_.url_source));
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  std::string key = relative.generic_string();
  for (std::string_view ext : {".html.md", ".md", ".markdown"})
    if (ends_with_ci(key, ext)) {
      key.resize(key.size() - ext.size());
      break;
    }
  for (std::string_view index : {"_index", "index", "README"})
    if (key == index) key.clear();
    else if (ends_with_ci(key, "/" + std::string(index))) key.resize(key.size() - index.size() - 1);
  return config_.url_lower_case ? ascii_lower(key) : key;
}

UrlTarget RunbookUrlMap::resolve(std::string_view url) const {
  UrlTarget target;
  const std::string& base = config_.url_base;
  // The base's own path without its final '/' names the source root's index.
  std::string_view base_root = std::string_view(base).substr(0, base.size() - 1);
  if (base.empty() || !(url.starts_with(base) || url == base_root || url.starts_with(std::string(base_root) + "#")))
    return target;
  std::string_view rest = url.size() > base.size() ? url.substr(base.size()) : std::string_view();
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) {
    target.fragment = percent_decode(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  } else if (size_t root_hash = url.find('#'); root_hash != std::string_view::npos && url.size() <= base.size()) {
    target.fragment = percent_decode(url.substr(root_hash + 1));
  }
  if (size_t query = rest.find('?'); query != std::string_view::npos) rest = rest.substr(0, query);
  target.page_path = page_of_url_path(percent_decode(rest));
  std::string key = config_.url_lower_case ? ascii_lower(target.page_path) : target.page_path;
  auto it = pages_.find(key);
  target.kind = it == pages_.end() ? UrlTarget::Kind::no_page : UrlTarget::Kind::page;
  if (it != pages_.end()) target.runbook = it->second;
  return target;
}

}  // namespace rbc
