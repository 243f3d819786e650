#include "compiler/emit/output/manifest.h"

#include <xxhash.h>

#include "compiler/base/file_io.h"

namespace rbc::site {
namespace {

constexpr std::string_view kHeader = "runbookc-manifest 1\n";
constexpr size_t kHashLength = 32;

bool is_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

/// A relative path that stays inside the tree: no empty, "." or ".." segment.
bool is_inside_path(std::string_view path) {
  while (true) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

std::string content_hash(const std::vector<std::string_view>& pieces) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (std::string_view p : pieces) XXH3_128bits_update(state, p.data(), p.size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
  XXH3_freeState(state);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(kHashLength, '0');
  for (size_t i = 0; i < sizeof canonical.digest; ++i) {
    hex[2 * i] = kDigits[canonical.digest[i] >> 4];
    hex[2 * i + 1] = kDigits[canonical.digest[i] & 15];
  }
  return hex;
}

std::string content_hash(std::string_view bytes) { return content_hash(std::vector<std::string_view>{bytes}); }

FileStamp stamp_of(const std::vector<std::string_view>& pieces, bool executable) {
  return {content_hash(pieces), executable};
}

std::string manifest_text(const Manifest& manifest) {
  std::string out(kHeader);
  out.reserve(manifest.size() * 64);
  for (const auto& [path, stamp] : manifest) {
    out += stamp.hash;
    out += stamp.executable ? " x " : " - ";
    out += path;
    out += '\n';
  }
  return out;
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  if (!text.starts_with(kHeader)) return std::nullopt;
  text.remove_prefix(kHeader.size());
  Manifest out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (line.size() < kHashLength + 4 || line[kHashLength] != ' ' || line[kHashLength + 2] != ' ') return std::nullopt;
    std::string_view hash = line.substr(0, kHashLength), flag = line.substr(kHashLength + 1, 1);
    std::string_view path = line.substr(kHashLength + 3);
    if (!is_hex(hash) || (flag != "x" && flag != "-") || !is_inside_path(path)) return std::nullopt;
    out.emplace_hint(out.end(), std::string(path), FileStamp{std::string(hash), flag == "x"});  // written sorted
  }
  return out;
}

std::optional<Manifest> read_manifest(const std::filesystem::path& dir) {
  std::string text;
  if (!read_file(dir / kManifestName, text)) return std::nullopt;
  return parse_manifest(text);
}

}  // namespace rbc::site
