// `runbookc script FILE [--section ANCHOR] [-o OUT]`: the script back end on the command line.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "compiler/base/file_io.h"
#include "compiler/cli/commands.h"
#include "linter/driver.h"
#include "compiler/emit/script/plan.h"
#include "compiler/model/runbook_model.h"
#include "compiler/emit/script/script.h"

namespace rbc {
namespace {
namespace fs = std::filesystem;

struct ScriptArgs {
  std::string file;
  std::string section;
  std::string output;
  bool list_sections = false;
};

/// The sections a script can be made for, as a tree under their incidents:
/// anchor (what --section takes), steps that run, dangerous ones, heading.
void print_section_outline(const Runbook& runbook, const std::vector<Diagnostic>& diagnostics) {
  PlanIndex index(runbook, diagnostics);
  std::vector<SectionOutline> outline = section_outline(index);
  size_t width = std::string_view("SECTION").size();
  for (const SectionOutline& line : outline)
    width = std::max(width, 2 * line.depth + runbook.sections[line.section].anchor.size());
  std::cout << fmt::format("{:<{}}  {:>5}  {:>6}  {}\n", "SECTION", width, "STEPS", "DANGER", "HEADING");
  for (const SectionOutline& line : outline) {
    const Section& s = runbook.sections[line.section];
    std::string indent(2 * line.depth, ' ');
    std::cout << fmt::format("{:<{}}  {:>5}  {:>6}  {}{}\n", indent + s.anchor, width, line.steps, line.dangerous,
                             indent, s.title);
  }
  if (outline.empty()) std::cout << "(no section holds a step that runs: only the whole-runbook script)\n";
}

int run_script(const ScriptArgs& args) {
  std::error_code ec;
  if (fs::is_directory(args.file, ec)) {
    std::cerr << "runbookc: error: " << args.file << ": is a directory, not a runbook\n";
    return 2;
  }
  // lint_paths refuses what is missing, not a regular file, or a link out of its directory.
  LintRun run = lint_paths({args.file}, LintOptions{});
  for (const auto& w : run.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  for (const auto& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  if (!run.errors.empty() || run.files.empty()) return 2;
  const FileResult& file = run.files.front();
  if (!file.error.empty()) {
    std::cerr << "runbookc: error: " << file.error << "\n";
    return 2;
  }
  const Runbook& runbook = file.runbook;
  if (args.list_sections) {
    print_section_outline(runbook, file.diagnostics);
    return 0;
  }
  int section = -1;
  if (!args.section.empty()) {
    section = find_section(runbook, args.section);
    if (section < 0) {
      std::cerr << fmt::format("runbookc: error: {}: no section with anchor '{}'; sections with steps:\n",
                               args.file, args.section);
      for (int s : incident_sections(runbook))
        std::cerr << fmt::format("  {}  ({})\n", runbook.sections[s].anchor, section_label(runbook, s));
      return 2;
    }
  }
  std::string error;
  std::string script = generate_script(runbook, file.diagnostics, section, &error);
  if (script.empty()) {
    std::cerr << "runbookc: error: " << error << (error.ends_with('\n') ? "" : "\n");
    return 1;
  }
  if (args.output.empty() || args.output == "-") {
    std::cout << script;
    std::cout.flush();
    return std::cout ? 0 : 2;
  }
  try {
    replace_file(args.output, script, true);
  } catch (const std::exception& e) {
    std::cerr << "runbookc: error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

Runner add_script_command(CLI::App& app) {
  auto args = std::make_shared<ScriptArgs>();
  app.add_option("file", args->file, "The runbook")->type_name("FILE")->required();
  app.add_option("--section", args->section, "Only this section (its anchor, e.g. memory-pressure) and its subsections");
  app.add_option("-o,--output", args->output, "Write the script here (atomically, mode 755) instead of stdout")->type_name("FILE");
  app.add_flag("--list-sections", args->list_sections,
               "Print the sections a per-incident script can be made for, under their incidents (anchor, steps, "
               "dangerous steps, heading), and exit");
  app.footer(
      "Exit status: 0 script written, 1 a step has a syntax error or nothing can run, 2 usage or I/O error "
      "(missing file, unknown --section).");
  return [args] { return run_script(*args); };
}

}  // namespace rbc
