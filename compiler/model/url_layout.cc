#include "compiler/model/url_layout.h"

#include <map>
#include <set>

#include "compiler/base/ascii.h"
#include "compiler/syntax/slug.h"

namespace rbc {

size_t common_directory_length(const std::vector<std::string>& paths) {
  size_t common = std::string::npos;
  for (const std::string& p : paths) {
    size_t dir = p.find_last_of('/');
    size_t len = dir == std::string::npos ? 0 : dir + 1;
    if (common == std::string::npos) {
      common = len;
      continue;
    }
    size_t n = 0;
    while (n < std::min(common, len) && paths.front()[n] == p[n]) ++n;
    while (n > 0 && p[n - 1] != '/') --n;
    common = n;
  }
  return common == std::string::npos ? 0 : common;
}

std::string runbook_folder(std::string_view path, size_t common) {
  std::string_view rest = path.substr(std::min(common, path.size()));
  size_t slash = rest.find_last_of('/');
  return slash == std::string_view::npos ? std::string() : std::string(rest.substr(0, slash));
}

std::string folder_anchor(std::string_view folder) {
  std::string out = "folder";
  if (!folder.empty()) out += "-";
  for (char c : folder) out += is_ascii_space(c) ? '-' : c;
  return out;
}

std::string folder_href(std::string_view folder) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "index.html#";
  for (unsigned char c : folder_anchor(folder)) {
    if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<std::string> runbook_short_paths(const std::vector<std::string>& paths) {
  size_t common = common_directory_length(paths);
  std::vector<std::string> out;
  for (const std::string& p : paths) out.push_back(p.substr(std::min(common, p.size())));
  return out;
}

std::vector<std::string> runbook_ids(const std::vector<std::string>& paths) {
  size_t common = common_directory_length(paths);
  std::vector<std::string> natural;
  for (const std::string& p : paths) {
    std::string rest = p.substr(std::min(common, p.size()));
    if (rest.size() > 3 && rest.ends_with(".md")) rest.resize(rest.size() - 3);
    std::string id;
    for (char c : rest) {
      char u = ascii_lower(c);
      char kept = is_ascii_alnum(u) || u == '.' || u == '_' || u == '-' ? u : '-';
      // No "--" in an id: section scripts are named id--anchor, so an id
      // holding "--" could name another runbook's section script.
      if (kept != '-' || id.empty() || id.back() != '-') id += kept;
    }
    while (!id.empty() && id.front() == '.') id.erase(0, 1);
    if (id.empty()) id = "runbook";
    natural.push_back(file_name_part(id));
  }
  // A repeated id gets -2, -3...: the first number that is nobody's id, so
  // A.md, a-2.md, a.md give a, a-2, a-3 (every id names a page file).
  std::set<std::string> natural_ids(natural.begin(), natural.end()), given;
  std::map<std::string, int> repeats;
  std::vector<std::string> ids;
  for (const std::string& id : natural) {
    std::string chosen = id;
    if (given.count(id)) {
      int& n = repeats.try_emplace(id, 1).first->second;
      do chosen = id + "-" + std::to_string(++n);
      while (natural_ids.count(chosen) || given.count(chosen));
    }
    given.insert(chosen);
    ids.push_back(std::move(chosen));
  }
  return ids;
}

std::string runbook_page_url(std::string_view id) { return "runbooks/" + std::string(id) + ".html"; }

std::string script_url(std::string_view id, std::string_view anchor) {
  std::string url = "scripts/" + std::string(id);
  if (!anchor.empty()) url += "--" + file_name_part(anchor);
  return url + ".sh";
}

std::string rule_page_url(std::string_view code) { return "rules/" + std::string(code) + ".html"; }

}  // namespace rbc
