#include "compiler/emit/site/safe_url.h"

#include <array>
#include <cctype>

#include "compiler/base/ascii.h"

namespace rbc::site {
namespace {

bool hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

/// Bytes kept as they are (the href-safe set of cmark's houdini).
bool keep(unsigned char c) {
  if (std::isalnum(c)) return true;
  for (char k : std::string_view("-_.~!*'();:@&=+$,/?#%")) if (c == static_cast<unsigned char>(k)) return true;
  return false;
}

/// Lower-cased scheme ("javascript") with whitespace and control bytes
/// removed as browsers do, or "" for a relative URL.
std::string scheme_of(std::string_view url) {
  std::string s;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) continue;
    if (c == ':') return s;
    if (c == '/' || c == '?' || c == '#') return {};
    s += ascii_lower(c);
  }
  return {};
}

}  // namespace

std::string safe_url(std::string_view url) {
  std::string scheme = scheme_of(url);
  static constexpr std::array<std::string_view, 5> kAllowed = {"http", "https", "mailto", "tel", "ftp"};
  if (!scheme.empty()) {
    bool allowed = false;
    for (auto a : kAllowed) allowed = allowed || a == scheme;
    if (!allowed) return {};
  }
  std::string out;
  bool seen_hash = false;
  for (size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool ok = keep(c);
    if (c == '%' && !(i + 2 < url.size() + 0 && hex(url[i + 1]) && hex(url[i + 2]))) ok = false;
    if (c == '#') {
      ok = !seen_hash;
      seen_hash = true;
    }
    if (ok) {
      out += static_cast<char>(c);
    } else {
      static const char digits[] = "0123456789ABCDEF";
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

bool is_remote(std::string_view url) {
  std::string s = scheme_of(url);
  return s == "http" || s == "https" || url.starts_with("//");
}

}  // namespace rbc::site
