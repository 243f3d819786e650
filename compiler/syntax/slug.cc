#include "compiler/syntax/slug.h"

#include <fmt/format.h>
#include <utf8proc.h>
#include <xxhash.h>

#include <cctype>
#include <cstdint>

#include "compiler/base/ascii.h"

namespace rbc {

std::string github_slug(std::string_view heading) {
  std::string out;
  size_t i = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(heading.data());
  out.reserve(heading.size());
  while (i < heading.size()) {
    unsigned char c = static_cast<unsigned char>(heading[i]);
    if (c < 0x80) {  // ASCII, most headings: the same rules without a table look-up
      ++i;
      if (c == ' ') out += '-';
      else if (c == '-' || c == '_' || std::isdigit(c) || std::islower(c)) out += static_cast<char>(c);
      else if (std::isupper(c)) out += ascii_lower(static_cast<char>(c));
      continue;  // ASCII punctuation and controls are dropped
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(heading.size() - i), &cp);
    if (n <= 0) {  // invalid byte: dropped, as GitHub cannot have it either
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    if (cp == ' ') {
      out += '-';
      continue;
    }
    if (cp == '-' || cp == '_') {
      out += static_cast<char>(cp);
      continue;
    }
    auto category = utf8proc_category(cp);
    bool keep = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO) ||
                category == UTF8PROC_CATEGORY_PC;
    if (!keep) continue;
    utf8proc_uint8_t buf[4];
    auto len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

std::string file_name_part(std::string_view name) {
  constexpr size_t kKept = 100;
  if (name.size() <= kKept) return std::string(name);
  size_t cut = kKept;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  uint64_t hash = XXH64(name.data(), name.size(), 0);
  return fmt::format("{}-{:08x}", name.substr(0, cut), static_cast<uint32_t>(hash >> 32));
}

std::string Slugger::unique(std::string_view heading) {
  std::string base = github_slug(heading);
  std::string slug = base;
  auto it = seen_.find(base);
  if (it != seen_.end()) {
    // GitHub keeps counting until it finds a slug not taken by any heading.
    do {
      slug = base + "-" + std::to_string(++it->second);
    } while (seen_.count(slug));
  }
  seen_.emplace(slug, 0);
  if (it == seen_.end()) seen_[base] = 0;
  return slug;
}

}  // namespace rbc
