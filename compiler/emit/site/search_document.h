#pragma once
/// What the client-side search indexes for one runbook: one document per
/// section, so a result lands on the section's anchor with a snippet of it.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc::site {

/// Stored text is cut to these many bytes (at a word, on a UTF-8 boundary):
/// each section's prose, each section's commands, and a runbook's prose and
/// commands together. A snippet needs only the words around a match, and the
/// caps keep search-data.js near 3 kB a runbook (bench/search_index.sh).
inline constexpr size_t kSectionTextBytes = 1000;
inline constexpr size_t kSectionCodeBytes = 400;
inline constexpr size_t kRunbookTextBytes = 6000;

/// One search document: a runbook's top (the text before its first heading
/// and under a level-1 title heading; `anchor` empty) or one of its sections.
struct SearchSection {
  std::string anchor;   ///< Section::anchor, "" for the runbook's top
  std::string heading;  ///< heading path below the title, "Diagnosis › Check disk"
  std::string text;     ///< prose: paragraphs, list items, table cells, quotes
  std::string code;     ///< the section's code blocks
};

/// The runbook's documents in page order: the top first (always present: it
/// carries the title and alerts), then every section with text or code.
std::vector<SearchSection> search_sections(const Runbook& runbook);

/// {"u": page url, "t": title, "p": `short_path` (runbook_short_paths()),
/// "a": alert names (space-separated), "s": service, "v": severity,
/// "d": [[anchor, heading, text, code], ...]} (short keys: 10,000 runbooks
/// share one file). site/site.js expands it into one document per section.
nlohmann::ordered_json search_document(const Runbook& runbook, const std::string& id, const std::string& title,
                                       const std::string& short_path);

}  // namespace rbc::site
