#pragma once
/// Every parser runbookc embeds and its version, for `runbookc --version`:
/// a finding depends on these, so a bug report needs them.
#include <string>
#include <vector>

namespace rbc {

struct ParserVersion {
  std::string name;
  std::string version;
};

std::vector<ParserVersion> parser_versions();

}  // namespace rbc
