#pragma once
/// Files compiled into the binary (see site_assets.cmake): page templates
/// ("templates/runbook.xhtml"), static assets ("site/style.css"), the search
/// library ("site/vendor/minisearch.js") and highlight queries
/// ("queries/bash.scm"). The binary needs no source tree at run time.
#include <string_view>
#include <vector>

namespace rbc {

struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};

/// Every embedded file, sorted by name.
const std::vector<EmbeddedFile>& embedded_files();

/// The bytes of `name`; throws std::out_of_range when it was not embedded.
std::string_view embedded_file(std::string_view name);

}  // namespace rbc
