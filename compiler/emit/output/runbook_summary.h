#pragma once
/// What the files rendered from every runbook at once (the site's index,
/// search, lint and rule pages; alerts.json and lint.json) need of one
/// runbook, typed, and kept in the build cache so that an unchanged runbook
/// is not parsed again. Built once from the runbook's FileResult.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/base/date.h"
#include "compiler/syntax/ir.h"
#include "linter/diagnostic.h"
#include "linter/driver.h"

namespace rbc {

/// Version of the cached form; part of every build's fingerprint, so a cache
/// written with another form is never read. 2: the search text holds one
/// document per section (search_document.h); 3: metadata.alert_sources.
inline constexpr int kSummaryFormat = 3;

struct RunbookSummary {
  std::string id;
  std::string path;
  std::string url;    ///< runbook_page_url(id)
  std::string title;  ///< RunbookModel::title
  Metadata metadata;  ///< without `lines`
  std::optional<Date> review_due;
  long days_overdue = 0;
  /// Each alert the runbook names, in order, with the anchor of the section
  /// that names it ("" when none does).
  std::vector<std::pair<std::string, std::string>> alert_anchors;
  std::vector<Diagnostic> findings;  ///< without spans and steps: what the JSON shape holds
  std::string error;                 ///< why the file could not be read, else empty
  std::map<std::string, size_t> blocks;  ///< steps per kind ("shell": 3)

  bool overdue() const { return days_overdue > 0; }
  /// The worst finding, or error for an unreadable file; nullopt when clean.
  std::optional<Severity> worst() const;
};

RunbookSummary summarize(const FileResult& file, const std::string& id);

/// The summary as bytes for the cache (CBOR), and back; nullopt when the
/// bytes are not a summary (a cache from another version).
std::string summary_bytes(const RunbookSummary& summary);
std::optional<RunbookSummary> summary_from_bytes(std::string_view bytes);

}  // namespace rbc
