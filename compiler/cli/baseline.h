#pragma once
/// A baseline: the findings a repository had when it adopted runbookc, so that
/// lint reports only new ones (`--write-baseline FILE`, `--baseline FILE`).
/// Entries are keyed by file (relative to the baseline's directory, so the
/// working directory does not matter), rule and the finding's fingerprint
/// (finding_fingerprints: the offending text, not the line), so an entry
/// survives lines moving above it.
#include <optional>
#include <string>
#include <vector>

#include "linter/driver.h"

namespace rbc {

struct BaselineEntry {
  std::string path;  ///< relative to the baseline file's directory, '/'-separated
  std::string code;
  std::string fingerprint;
  uint32_t line = 0;  ///< where it was when written: for people, not for matching
  std::string message;
};

/// Writes every finding of `run` to `file`, atomically. Throws on I/O errors.
void write_baseline(const std::string& file, const LintRun& run);

struct BaselineOutcome {
  size_t known = 0;                  ///< findings dropped from the run
  std::vector<BaselineEntry> stale;  ///< entries for linted files that no finding matches
};

/// Drops from `run` the findings `file` lists. Nothing on error, with `error`
/// naming the file and what is wrong with it.
std::optional<BaselineOutcome> apply_baseline(const std::string& file, LintRun& run, std::string& error);

}  // namespace rbc
