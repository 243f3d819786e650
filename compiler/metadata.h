#pragma once
/// Runbook metadata: YAML front matter when present, else the in-body
/// conventions teams use ("**Owner:** ...", "Last Updated: 2025-01-30").
#include "compiler/ir.h"

namespace rbc {

/// Finds and parses front matter at the top of `source`. A YAML error is
/// recorded in the result (with its file line), never thrown.
FrontMatter read_front_matter(const SourceFile& source);

/// Fills `metadata` from parsed front matter; returns false when it is not a mapping.
void metadata_from_front_matter(const FrontMatter& front_matter, Metadata& metadata);

/// Fills fields still empty from in-body conventions on prose lines and headings.
void metadata_from_body(const Runbook& runbook, Metadata& metadata);

}  // namespace rbc
