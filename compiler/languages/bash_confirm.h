#pragma once
/// A second opinion from bash itself: tree-sitter-bash has known misparses
/// (heredocs among them), so an error it reports stands only if `bash -n`
/// rejects the same text. When bash cannot be run, callers are told so and
/// decide; no answer stands in for bash's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rbc {

struct BashVerdict {
  enum class Outcome {
    accepted,  ///< `bash -n` exited 0
    rejected,  ///< `bash -n` reported a syntax error
    not_run,   ///< bash could not be run (not found, not started, stopped): no opinion
  };
  Outcome outcome = Outcome::accepted;
  uint32_t line = 0;  ///< 1-based line bash names, 0 when unknown
  /// bash's message when rejected; why bash gave no answer when not_run.
  std::string message;

  bool accepted() const { return outcome == Outcome::accepted; }
  bool rejected() const { return outcome == Outcome::rejected; }
  bool not_run() const { return outcome == Outcome::not_run; }
};

/// Runs `bash -n` on `script` (no execution). bash is looked up in PATH once
/// per process (bash-static first).
BashVerdict bash_check_syntax(const std::string& script);

/// Which of `scripts` pass `bash -n`, with few processes: all of them are
/// checked together (each wrapped in its own function) and only a failing
/// group is split, so n scripts with k bad ones cost about 1 + 2k·log n runs.
/// When bash cannot be run, none is confirmed (all false).
std::vector<bool> bash_check_many(const std::vector<std::string>& scripts);

}  // namespace rbc
