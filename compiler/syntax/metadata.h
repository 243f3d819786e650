#pragma once
/// Runbook metadata: YAML front matter when present, else the in-body
/// conventions teams use ("**Owner:** ...", "Last Updated: 2025-01-30").
#include "compiler/syntax/ir.h"

namespace rbc {

/// Finds and parses front matter at the top of `source`, filling `metadata`
/// (when given) from it. A YAML error is recorded in the result (with its
/// file line), never thrown.
FrontMatter read_front_matter(const SourceFile& source, Metadata* metadata = nullptr);

/// Fills fields still empty from in-body conventions on prose lines and headings.
void metadata_from_body(const Runbook& runbook, Metadata& metadata);

}  // namespace rbc
