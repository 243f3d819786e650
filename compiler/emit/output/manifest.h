#pragma once
/// The manifest of a built site: every file's content hash and whether it is
/// executable. Each generation of the site carries its own (kManifestName,
/// not listed in itself), so the next build can tell which files of an older
/// tree already hold what it would write.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::site {

inline constexpr const char* kManifestName = ".runbookc-manifest";

/// What a file holds: a 128-bit content hash (hex) and its executable bit.
struct FileStamp {
  std::string hash;
  bool executable = false;
  bool operator==(const FileStamp&) const = default;
};

/// A 128-bit hash of the concatenated `pieces`, as 32 hex digits.
std::string content_hash(const std::vector<std::string_view>& pieces);
std::string content_hash(std::string_view bytes);

/// The stamp of the concatenated `pieces` written with or without the executable bit.
FileStamp stamp_of(const std::vector<std::string_view>& pieces, bool executable);

/// Relative path ("runbooks/db.html") → stamp, sorted by path.
using Manifest = std::map<std::string, FileStamp, std::less<>>;

/// The manifest text: a header line, then "<hash> <x|-> <path>" per file.
std::string manifest_text(const Manifest& manifest);
/// Parses manifest_text(); nullopt when the text is not a whole, valid manifest.
std::optional<Manifest> parse_manifest(std::string_view text);
/// Reads `dir`/kManifestName; nullopt when it is missing or invalid.
std::optional<Manifest> read_manifest(const std::filesystem::path& dir);

}  // namespace rbc::site
