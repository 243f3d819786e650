#pragma once
/// The driver: finds runbooks under the paths given, runs each through the
/// pipeline (front end → analysis → rules) in parallel, and returns the
/// results in a deterministic order. Per-file work is a pure function of the
/// file's bytes and the options.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/runbook_model.h"
#include "compiler/syntax/ir.h"
#include "compiler/syntax/markdown.h"
#include "linter/diagnostic.h"

namespace rbc {

class ConfigTree;

struct Config;

/// Which fixes `lint --fix` / `--diff` apply (linter/fix.h).
enum class FixMode { none, safe, unsafe };

struct LintOptions {
  unsigned jobs = 0;                          ///< 0: one per core
  uint64_t max_file_size = 16 * 1024 * 1024;  ///< larger files are refused with an error
  std::string config_file;                    ///< --config; empty: nearest .runbookc.yaml per file
  std::vector<std::string> select, ignore;    ///< --select / --ignore, over the config file
  std::vector<std::string> exclude;           ///< --exclude: globs relative to the working directory
  std::string today;                          ///< --today YYYY-MM-DD; empty: the real date
  /// true when only findings are wanted (`runbookc lint`): the IR is built
  /// for the checks alone (no document tree, bare URLs not made links: only
  /// the HTML and scripts need those) and each FileResult keeps its source
  /// text but not the IR, which is freed as soon as the file is checked.
  bool findings_only = false;
  /// More directories a linked runbook may point into, besides the
  /// directories among the paths linted (build: the paths it was given).
  std::vector<std::string> input_roots;
  /// Not none: each file's fixes are applied in memory and the file linted
  /// again, up to kMaxFixPasses times, until no fix applies; the result is
  /// the fixed text's (FileResult::fixed holds what changed). Nothing is written.
  FixMode fix = FixMode::none;
};

/// Passes of fix-and-lint-again per file (ruff stops at 100; a runbook's
/// fixes settle in one or two).
inline constexpr int kMaxFixPasses = 4;

/// What fixing did to a file, when it changed it.
struct FixOutcome {
  std::string before;  ///< the bytes read
  std::string after;   ///< the bytes with the fixes applied
  unsigned fixes = 0;  ///< findings fixed, over every pass
  std::vector<Diagnostic> diagnostics_before;  ///< the findings of `before`
  std::shared_ptr<SourceFile> source_before;   ///< `before` as read, for reporting those findings
};

struct FileResult {
  std::string path;
  std::string error;  ///< I/O problem; empty when the file was read
  Runbook runbook;                      ///< with findings_only: only its `source`
  RunbookModel model;                   ///< title and review status, under the file's configuration
  std::vector<BlockKind> blocks;        ///< each code block's kind, in order
  std::vector<Diagnostic> diagnostics;  ///< sorted
  std::optional<FixOutcome> fixed;      ///< with LintOptions::fix, when a fix changed the file
};

struct LintRun {
  std::vector<FileResult> files;
  std::vector<std::string> errors;    ///< usage or I/O errors, one line each
  std::vector<std::string> warnings;  ///< e.g. a directory with no runbooks
};

/// Files named explicitly are taken whatever their extension; directories
/// are walked for *.md (hidden directories and node_modules skipped).
/// Only regular files are taken: anything else named is an error. A symbolic
/// link is skipped with a warning unless its target lies inside a directory
/// among `paths` or `more_roots` (or, for a link named explicitly, beside it).
/// Which extensions count as runbooks in a directory comes from the
/// configuration there (`extensions:`, default md), or from `config_file`.
/// `tree`: where configuration files read are kept, for resolve_configs to reuse.
std::vector<std::string> collect_runbooks(const std::vector<std::string>& paths, LintRun& run,
                                          const std::vector<std::string>& more_roots = {},
                                          const std::string& config_file = "", ConfigTree* tree = nullptr);

/// The whole pipeline for one file's bytes (no I/O): what tests call.
FileResult lint_bytes(std::string path, std::string bytes);
/// The same under a configuration (rules on/off, severities, passes).
FileResult lint_bytes(std::string path, std::string bytes, std::shared_ptr<const Config> config,
                      const ParseOptions& parse = {});

/// lint_bytes, then fix and lint again while fixes apply (at most
/// kMaxFixPasses): the result is the last text's, `fixed` set when it differs.
FileResult lint_and_fix_bytes(std::string path, std::string bytes, std::shared_ptr<const Config> config,
                              FixMode mode, const ParseOptions& parse = {});

/// Reads and lints every runbook under `paths`.
LintRun lint_paths(const std::vector<std::string>& paths, const LintOptions& options);
/// Lints `bytes` as the file `path` would be (its configuration, its name in
/// findings) without reading it: standard input, an editor's buffer. A path
/// the configuration excludes gives a run with no file.
LintRun lint_text(const std::string& path, std::string bytes, const LintOptions& options);

/// lint_paths over files already collected, one file at a time, for a caller
/// that must not hold every result at once (`runbookc build`): the
/// configurations are resolved up front, as lint_paths resolves them.
class FileLinter {
 public:
  FileLinter(std::vector<std::string> files, const LintOptions& options);
  /// Configuration errors, one line each, as lint_paths reports them; when
  /// there are any, no file is linted.
  const std::vector<std::string>& errors() const { return errors_; }
  /// files[i] read and linted (an I/O problem in its `error`); nullopt when
  /// it is not linted: excluded by its configuration, or a configuration is
  /// bad. Safe to call from several threads.
  std::optional<FileResult> lint(size_t i) const;

 private:
  std::vector<std::string> files_;
  LintOptions options_;
  std::vector<std::shared_ptr<const Config>> configs_;  ///< parallel to files_; null: not linted
  std::vector<std::string> errors_;
};

}  // namespace rbc
