#pragma once
/// A second opinion from bash itself: tree-sitter-bash has known misparses
/// (heredocs among them), so an error it reports stands only if `bash -n`
/// rejects the same text.
#include <optional>
#include <string>
#include <vector>

namespace rbc {

struct BashVerdict {
  bool ok = true;
  uint32_t line = 0;  ///< 1-based line bash names, 0 when unknown
  std::string message;
};

/// Runs `bash -n` on `script` (no execution); ok when bash cannot be run.
BashVerdict bash_check_syntax(const std::string& script);

/// Which of `scripts` pass `bash -n`, with few processes: all of them are
/// checked together (each wrapped in its own function) and only a failing
/// group is split, so n scripts with k bad ones cost about 1 + 2k·log n runs.
std::vector<bool> bash_check_many(const std::vector<std::string>& scripts);

}  // namespace rbc
