#include <iostream>
#include <memory>

#include "compiler/cli/commands.h"
#include "compiler/cli/rule_selection.h"
#include "linter/driver.h"
#include "compiler/base/file_io.h"
#include "compiler/emit/index/json_index.h"
#include "compiler/emit/script/runbook_scripts.h"
#include "compiler/model/url_layout.h"

namespace rbc {
namespace {

struct IndexArgs {
  std::vector<std::string> paths;
  std::string output = "-";
  std::string today;
  unsigned jobs = 0;
  RuleSelection rules;
};

int run_index(const IndexArgs& args) {
  LintOptions options;
  options.jobs = args.jobs;
  options.today = args.today;
  apply_rule_selection(args.rules, options);
  LintRun run = lint_paths(args.paths.empty() ? std::vector<std::string>{"."} : args.paths, options);
  for (const auto& w : run.warnings) std::cerr << "runbookc: warning: " << w << "\n";
  for (const auto& e : run.errors) std::cerr << "runbookc: error: " << e << "\n";
  if (!run.errors.empty()) return 2;
  std::vector<std::string> paths;
  for (const FileResult& f : run.files) paths.push_back(f.path);
  std::vector<std::string> ids = runbook_ids(paths);
  std::vector<std::string> entries;
  for (size_t i = 0; i < run.files.size(); ++i) entries.push_back(runbook_entry_text(
        runbook_entry(run.files[i], ids[i], script_links(runbook_scripts(run.files[i], ids[i])))));
  std::string text = runbooks_index_text({entries.begin(), entries.end()});
  if (args.output == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? 0 : 2;
  }
  try {
    replace_file(args.output, text);
  } catch (const std::exception& e) {
    std::cerr << "runbookc: error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

Runner add_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  app.add_option("paths", args->paths, "Runbook files or directories (walked for *.md); default: .")->type_name("PATH");
  app.add_option("-o,--output", args->output, "File runbooks.json is written to; - for standard output")
      ->type_name("FILE")
      ->capture_default_str();
  app.add_option("--today", args->today, "Date (YYYY-MM-DD) overdue reviews are judged against; default: the system date");
  app.add_option("-j,--jobs", args->jobs, "Files processed in parallel (default: one per core)");
  add_rule_selection_options(app, args->rules);
  return [args] { return run_index(*args); };
}

}  // namespace rbc
