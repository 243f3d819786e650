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
/// commands together (the sections first in page order are kept whole). A
/// snippet needs only the words around a match, and the caps keep the text
/// near 2 kB a runbook: 10,000 runbooks index in seconds (bench/search_index.sh).
inline constexpr size_t kSectionTextBytes = 600;
inline constexpr size_t kSectionCodeBytes = 200;
inline constexpr size_t kRunbookTextBytes = 3000;
/// Documents of one runbook, the top included: the sections after these are
/// not searched (a generated runbook of 100,000 headings stays one page).
inline constexpr size_t kRunbookDocuments = 200;

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

/// A runbook as the search reads it, in two parts (short keys: 10,000
/// runbooks share each file), which site/site.js expands into one document
/// per section. `head`, for assets/search-data.js, is searchable at once:
/// {"u": page url, "t": title, "p": `short_path` (runbook_short_paths()),
/// "a": alert names (space-separated), "s": service, "v": severity,
/// "d": [[anchor, heading], ...]}. `body`, for assets/search-text.js, is
/// loaded and indexed after it: [[text, code], ...], one per section of "d".
struct SearchDocument {
  nlohmann::ordered_json head;
  nlohmann::ordered_json body;
};
SearchDocument search_document(const Runbook& runbook, const std::string& id, const std::string& title,
                               const std::string& short_path);

}  // namespace rbc::site
