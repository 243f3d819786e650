#pragma once
/// The JSON back end: machine-readable indexes of a set of runbooks, each
/// described by a JSON Schema in schemas/. Every function is deterministic
/// (input order kept, maps sorted).
///
/// - runbooks.json: every runbook with metadata, sections, steps, findings
/// - alerts.json:   alert name → runbook page URL and anchor
/// - rules.json:    the rule catalog (the same source as `runbookc explain`)
/// - lint.json:     the same document as `runbookc lint --format json`
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/emit/output/runbook_summary.h"
#include "compiler/model/url_layout.h"
#include "linter/driver.h"

namespace rbc {

using ojson = nlohmann::ordered_json;

/// One runbooks.json entry. `id` names its page (runbook_page_url); `scripts`
/// are the scripts the runbook compiles to, whole runbook first (the script
/// back end's runbook_scripts(), or what a build wrote).
ojson runbook_entry(const FileResult& file, const std::string& id, const std::vector<ScriptLink>& scripts);

/// An entry as it stands inside runbooks.json: dump_json's format, indented
/// for its place in the "runbooks" list.
std::string runbook_entry_text(const ojson& entry);

/// runbooks.json, {"version": 1, "runbooks": [entries...]}, spliced from
/// runbook_entry_text()s: the bytes dump_json would write for that document.
std::string runbooks_index_text(const std::vector<std::string_view>& entry_texts);
/// The same bytes as pieces, to be written one after the other (views into
/// `entry_texts`' strings and into static text).
std::vector<std::string_view> runbooks_index_pieces(const std::vector<std::string_view>& entry_texts);

/// {"version": 1, "alerts": {name: [{runbook, title, url, anchor}]}}; URLs are
/// `base_url` + "runbooks/<id>.html" + "#anchor" (base_url "" gives relative URLs).
ojson alerts_index(const std::vector<RunbookSummary>& summaries, const std::string& base_url);

/// {"version": 1, "rules": [...]} with each rule's page under rules/.
ojson rules_index();

/// `lint --format json` rebuilt from summaries (their findings, blocks and errors).
ojson lint_index(const std::vector<RunbookSummary>& summaries);

/// JSON text as written to disk: two-space indent, invalid UTF-8 replaced.
std::string dump_json(const ojson& doc);

}  // namespace rbc
