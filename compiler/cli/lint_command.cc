#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <iostream>
#include <memory>

#include <sys/stat.h>

#include "compiler/base/file_io.h"
#include "compiler/base/unified_diff.h"
#include "compiler/cli/baseline.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/report_output.h"
#include "compiler/cli/rule_selection.h"
#include "compiler/cli/show_settings.h"
#include "linter/driver.h"
#include "compiler/emit/reporters/reporter.h"

namespace rbc {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  bool statistics = false;
  std::string baseline, write_baseline;
  std::string show_settings;
  std::string stdin_filename = "-";
  std::vector<std::string> exclude;
  std::string output_file;
  std::string fail_on = "error";
  std::string color = "auto";
  unsigned jobs = 0;
  double max_file_size_mib = 16;
  RuleSelection rules;
  std::string today;
  bool fix = false, unsafe_fixes = false, diff = false;
};

/// --fix: writes each fixed file in place, atomically and keeping its mode.
/// A file that cannot be written (read-only, changed since it was read, or
/// the write fails) keeps its findings as they were and gets an error; the
/// others are written.
void write_fixes(LintRun& run, unsigned& fixes, unsigned& files) {
  for (FileResult& f : run.files) {
    if (!f.fixed) continue;
    struct stat st;
    std::string error, now;
    if (::stat(f.path.c_str(), &st) != 0) {
      error = std::strerror(errno);
    } else if ((st.st_mode & S_IWUSR) == 0 || ::access(f.path.c_str(), W_OK) != 0) {
      error = "the file is read-only";
    } else if (!read_file(f.path, now) || now != f.fixed->before) {
      error = "it changed since it was read";  // an editor saved it meanwhile: its edits win
    } else {
      try {
        // Through a symbolic link, the file it points to is the one replaced.
        std::error_code ec;
        std::filesystem::path target = std::filesystem::canonical(f.path, ec);
        replace_file_keeping_mode(ec ? std::filesystem::path(f.path) : target, f.fixed->after, st.st_mode);
      } catch (const std::exception& e) {
        error = e.what();
      }
    }
    if (!error.empty()) {
      run.errors.push_back(fmt::format("{}: cannot write the fixes: {}; {} fix{} not applied", f.path, error,
                                       f.fixed->fixes, f.fixed->fixes == 1 ? "" : "es"));
      f.diagnostics = std::move(f.fixed->diagnostics_before);
      f.runbook.source = std::move(f.fixed->source_before);  // the lines those findings point at
      f.fixed.reset();
      continue;
    }
    fixes += f.fixed->fixes;
    ++files;
  }
}

/// --diff: what --fix would write, as unified diffs; exit 1 when there is one.
int print_diffs(const LintRun& run) {
  unsigned fixes = 0, files = 0;
  for (const FileResult& f : run.files) {
    if (!f.fixed) continue;
    std::cout << unified_diff(f.fixed->before, f.fixed->after, f.path, f.path);
    fixes += f.fixed->fixes;
    ++files;
  }
  std::cout.flush();
  for (const auto& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  std::cerr << fmt::format("would fix {} finding{} in {} file{}\n", fixes, fixes == 1 ? "" : "s", files,
                           files == 1 ? "" : "s");
  if (!std::cout) {
    std::cerr << "runbookc: error: cannot write the diff\n";
    return 2;
  }
  if (!run.errors.empty()) return 2;
  return files > 0 ? 1 : 0;
}

void write_report(std::ostream& out, const LintRun& run, const LintArgs& args) {
  if (args.statistics) return report_statistics(out, run, args.format == "json");
  write_findings(out, run, args.format, args.output_file.empty() && use_color(args.color));
}

/// --write-baseline: every finding goes into the file; nothing is reported.
int write_baseline_of(const LintRun& run, const std::string& file) {
  if (!run.errors.empty()) {
    std::cerr << "runbookc: error: the baseline is not written while files could not be linted\n";
    return 2;
  }
  try {
    write_baseline(file, run);
  } catch (const std::exception& e) {
    std::cerr << "runbookc: error: " << e.what() << "\n";
    return 2;
  }
  size_t count = 0;
  for (const auto& f : run.files) count += f.diagnostics.size();
  std::cerr << fmt::format("runbookc: wrote {} finding{} to the baseline {}\n", count, count == 1 ? "" : "s", file);
  return 0;
}

/// --baseline: the findings it lists leave the run; its entries that no
/// longer match a finding are named, so that the file shrinks.
bool take_out_baseline(LintRun& run, const std::string& file) {
  std::string error;
  std::optional<BaselineOutcome> outcome = apply_baseline(file, run, error);
  if (!outcome) {
    std::cerr << "runbookc: error: " << error << "\n";
    return false;
  }
  for (const BaselineEntry& e : outcome->stale)
    std::cerr << fmt::format("runbookc: warning: {}: {} (line {} when the baseline was written) is gone; "
                             "--write-baseline {} drops it from {}\n",
                             e.path, e.code, e.line, file, file);
  if (outcome->known > 0)
    std::cerr << fmt::format("runbookc: {} finding{} in the baseline {} not shown\n", outcome->known,
                             outcome->known == 1 ? "" : "s", file);
  return true;
}

int run_lint(const LintArgs& args) {
  LintOptions options;
  options.jobs = args.jobs;
  options.max_file_size = static_cast<uint64_t>(args.max_file_size_mib * 1024 * 1024);
  apply_rule_selection(args.rules, options);
  options.today = args.today;
  options.findings_only = true;
  options.exclude = args.exclude;
  if (!args.show_settings.empty()) return show_settings(args.show_settings, options);
  if (args.diff && args.format != "text") {
    std::cerr << "runbookc: error: --diff prints a diff, not a report: it takes no --format\n";
    return 2;
  }
  if (args.fix || args.diff) options.fix = args.unsafe_fixes ? FixMode::unsafe : FixMode::safe;
  std::vector<std::string> paths = args.paths.empty() ? std::vector<std::string>{"."} : args.paths;
  LintRun run;
  if (paths == std::vector<std::string>{"-"}) {
    if (args.fix || args.diff) {
      std::cerr << "runbookc: error: --fix and --diff work on files, not on standard input\n";
      return 2;
    }
    // `lint -`: the text on standard input, linted as --stdin-filename would be.
    std::string text{std::istreambuf_iterator<char>(std::cin), {}};
    run = lint_text(args.stdin_filename, std::move(text), options);
  } else {
    run = lint_paths(paths, options);
  }
  for (const auto& w : run.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  if (args.diff) return print_diffs(run);
  unsigned fixed_findings = 0, fixed_files = 0;
  if (args.fix) write_fixes(run, fixed_findings, fixed_files);
  for (const auto& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  if (!args.write_baseline.empty()) return write_baseline_of(run, args.write_baseline);
  if (!args.baseline.empty() && !take_out_baseline(run, args.baseline)) return 2;

  int status = exit_status(run, args.fail_on);
  std::ostringstream report;
  write_report(report, run, args);
  if (args.fix) {
    // After the report of what is left; on stderr when the report is a machine format.
    std::string line = fmt::format("fixed {} finding{} in {} file{}\n", fixed_findings, fixed_findings == 1 ? "" : "s",
                                   fixed_files, fixed_files == 1 ? "" : "s");
    (args.format == "text" || args.format == "concise" ? report : std::cerr) << line;
  }
  if (deliver_report(report.str(), args.output_file) != 0) return 2;
  return status;
}
}  // namespace

Runner add_lint_command(CLI::App& app) {
  auto args = std::make_shared<LintArgs>();
  app.add_option("paths", args->paths, "Runbook files (any extension) or directories (walked for *.md); default: .")
      ->type_name("PATH");
  app.add_option("--format", args->format, "Output format (gitlab: a Code Quality report)")
      ->check(CLI::IsMember({"text", "concise", "json", "sarif", "github", "gitlab"}))
      ->capture_default_str();
  app.add_flag("--statistics", args->statistics,
               "Print how many findings each rule made instead of the findings (text, or JSON with --format json)");
  app.add_option("--output-file", args->output_file, "Write the report to this file (atomically) instead of stdout")
      ->type_name("FILE");
  app.add_option("--exclude", args->exclude,
                 "Leave out files matching these globs (relative to the working directory); comma-separated")
      ->type_name("GLOBS")
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--stdin-filename", args->stdin_filename,
                 "With `-` as the path: the file name standard input is linted as (its configuration, its name in "
                 "findings)")
      ->type_name("FILE");
  app.add_option("--show-settings", args->show_settings,
                 "Print the configuration this runbook is linted under, and where each value comes from")
      ->type_name("FILE");
  app.add_option("--baseline", args->baseline,
                 "Report only findings this baseline does not list (and name its entries that are gone)")
      ->type_name("FILE");
  app.add_option("--write-baseline", args->write_baseline,
                 "Record every finding in this file (a baseline) instead of reporting them")
      ->type_name("FILE");
  app.add_option("--fail-on", args->fail_on, "Exit 1 when a finding at or above this severity is reported")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->capture_default_str();
  app.add_option("--color", args->color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("-j,--jobs", args->jobs, "Files linted in parallel (default: one per core)");
  app.add_option("--max-file-size", args->max_file_size_mib, "Refuse files larger than this many MiB")
      ->capture_default_str();
  add_rule_selection_options(app, args->rules);
  app.add_option("--today", args->today, "Date review-overdue compares against, YYYY-MM-DD (default: today)");
  app.add_flag("--fix", args->fix,
               "Apply the safe fixes in place (atomically), lint again, and report what is left");
  app.add_flag("--unsafe-fixes", args->unsafe_fixes,
               "With --fix or --diff, also apply the fixes that change what a command does");
  app.add_flag("--diff", args->diff,
               "Print the changes --fix would make as a unified diff and write nothing; exit 1 when there are any");
  app.footer(
      "Exit status: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or I/O error.");
  return [args] { return run_lint(*args); };
}

}  // namespace rbc
