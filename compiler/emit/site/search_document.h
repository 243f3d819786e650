#pragma once
/// What the client-side search indexes for one runbook: title, alert names,
/// headings, the text of its Symptoms sections and its commands.
#include <nlohmann/json.hpp>

#include "compiler/syntax/ir.h"

namespace rbc::site {

/// {id, url, title, alerts, headings, symptoms, commands}: strings.
nlohmann::ordered_json search_document(const Runbook& runbook, const std::string& id, const std::string& title);

}  // namespace rbc::site
