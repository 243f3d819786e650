#include "compiler/syntax/fence_info.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/base/ascii.h"

namespace rbc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Reads `key=value` / `key="value"` / `flag` pairs from `s` into `attrs`.
void parse_attributes(std::string_view s, std::map<std::string, std::string>& attrs) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    size_t key_begin = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != ',') ++i;
    std::string key(s.substr(key_begin, i - key_begin));
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        while (i < s.size() && s[i] != quote) {
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          value += s[i++];
        }
        if (i < s.size()) ++i;
      } else {
        size_t value_begin = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != ',') ++i;
        value = std::string(s.substr(value_begin, i - value_begin));
      }
    } else if (!key.empty() && (key[0] == '.' || key[0] == '#')) {
      value = key.substr(1);
      key = key[0] == '.' ? "class" : "id";
    } else {
      value = "true";
    }
    if (!key.empty()) attrs[ascii_lower(key)] = value;
  }
}

bool starts_with_word(std::string_view line, std::string_view word) {
  if (line.size() < word.size() || line.substr(0, word.size()) != word) return false;
  return line.size() == word.size() || is_space(line[word.size()]);
}

}  // namespace

FenceInfo parse_fence_info(std::string_view info) {
  FenceInfo out;
  size_t b = 0;
  while (b < info.size() && is_space(info[b])) ++b;
  info.remove_prefix(b);
  if (info.empty()) return out;
  if (info.front() == '{') {  // {.bash name=x} or {bash name=x}
    size_t close = info.find('}');
    std::string_view inner = info.substr(1, close == std::string_view::npos ? info.size() - 1 : close - 1);
    size_t end = 0;
    while (end < inner.size() && !is_space(inner[end])) ++end;
    std::string_view first = inner.substr(0, end);
    if (!first.empty() && first.front() == '.') first.remove_prefix(1);
    if (first.find('=') == std::string_view::npos) {
      out.language = ascii_lower(first);
      inner.remove_prefix(end);
    }
    parse_attributes(inner, out.attributes);
    return out;
  }
  size_t end = 0;
  while (end < info.size() && !is_space(info[end]) && info[end] != '{' && info[end] != ',') ++end;
  out.language = ascii_lower(info.substr(0, end));
  std::string_view rest = info.substr(end);
  size_t open = rest.find('{');
  if (open != std::string_view::npos) {
    size_t close = rest.rfind('}');
    rest = rest.substr(open + 1, close == std::string_view::npos || close < open ? std::string_view::npos : close - open - 1);
  }
  parse_attributes(rest, out.attributes);
  return out;
}

BlockKind guess_kind(std::string_view body) {
  // The first line that is not blank or a comment decides.
  static const std::array<std::string_view, 34> commands = {
      "kubectl", "oc", "aws", "gcloud", "gsutil", "az", "psql", "redis-cli", "curl", "wget", "sudo",
      "systemctl", "docker", "helm", "git", "rm", "export", "terraform", "ssh", "journalctl", "cd",
      "mysql", "pg_dump", "pg_restore", "dropdb", "createdb", "npm", "npx", "yarn", "make", "echo",
      "cat", "grep", "openssl"};
  static const std::array<std::string_view, 12> sql = {"SELECT", "UPDATE", "DELETE", "INSERT", "CREATE", "ALTER",
                                                       "DROP", "TRUNCATE", "VACUUM", "EXPLAIN", "REINDEX", "GRANT"};
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.substr(0, 2) == "$ ") return BlockKind::console;
    for (auto word : commands)
      if (starts_with_word(line, word)) return BlockKind::shell;
    for (auto word : sql)
      if (starts_with_word(line, word)) {
        // "SELECT ... FROM" / "UPDATE x SET": ends a statement somewhere.
        return body.find(';') != std::string_view::npos ? BlockKind::postgres : BlockKind::none;
      }
    return BlockKind::none;
  }
  return BlockKind::none;
}

}  // namespace rbc
