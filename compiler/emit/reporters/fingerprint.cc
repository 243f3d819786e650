// Fingerprints that identify a finding across commits: its rule and the text
// it points at, not its line, so a finding keeps it when lines above move.
#include <fmt/format.h>
#include <xxhash.h>

#include <map>

#include "compiler/emit/reporters/reporter.h"

namespace rbc {

std::vector<std::string> finding_fingerprints(const FileResult& file) {
  std::vector<std::string> out;
  out.reserve(file.diagnostics.size());
  // The same code on the same text again in the file: numbered in order.
  std::map<std::pair<std::string_view, std::string_view>, size_t> seen;
  for (const Diagnostic& d : file.diagnostics) {
    std::string_view text = offending_text(file, d);
    size_t occurrence = seen[{d.code, text}]++;
    std::string key = fmt::format("{}\n{}\n{}", d.code, text, occurrence);
    out.push_back(fmt::format("{:016x}", XXH3_64bits(key.data(), key.size())));
  }
  return out;
}

}  // namespace rbc
