#pragma once
/// The build cache, kept in the site (kCacheName): for each runbook, the key
/// it was built with and what the aggregate files need of it, so that an
/// unchanged runbook is neither linted nor rendered, and its entry is not
/// even parsed unless the aggregate pages are rendered again.
///
/// A binary file of length-prefixed strings with a checksum: read by mapping
/// it, its records are views into the mapping (4 MB on a 637-runbook site,
/// neither copied nor parsed), and it is written from the same views.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/file_io.h"

namespace rbc::site {

inline constexpr const char* kCacheName = ".runbookc-cache";

/// One runbook's record. Views: whoever makes a record keeps its bytes alive.
struct RunbookRecord {
  std::string_view id;
  std::string_view key;                   ///< hash of everything its outputs depend on
  std::string_view entry_text;            ///< its runbooks.json entry (runbook_entry_text())
  std::string_view search_text;           ///< its search document, compact JSON (search-data.js)
  std::string_view search_body;           ///< its sections' text, compact JSON (search-text.js)
  std::string_view summary;               ///< summary_bytes() of its RunbookSummary
  std::vector<std::string_view> outputs;  ///< the page and the scripts it wrote
  int worst = -1;                         ///< its most severe finding (a Severity), -1 for none
  bool operator==(const RunbookRecord&) const = default;
};

struct BuildCache {
  std::string_view aggregates_key;      ///< what the aggregate pages were rendered from
  std::vector<RunbookRecord> runbooks;  ///< in build order
};

/// Parses the bytes of a cache file; an empty cache when they are not a
/// whole, valid cache. The records view into `bytes`.
BuildCache parse_cache(std::string_view bytes);

/// The cache file, as pieces to write one after the other (see
/// OutputDir::write). They view into the records and into `scratch`, which
/// must outlive them.
std::vector<std::string_view> cache_pieces(std::string_view aggregates_key, const std::vector<const RunbookRecord*>& records,
                                           std::string& scratch);

/// A cache file mapped into memory, and its records.
class CacheFile {
 public:
  /// Maps and parses `path`; missing or invalid: an empty cache.
  explicit CacheFile(const std::filesystem::path& path);
  const BuildCache& cache() const { return cache_; }
  std::string_view bytes() const { return file_.bytes(); }

 private:
  MappedFile file_;
  BuildCache cache_;
};

}  // namespace rbc::site
