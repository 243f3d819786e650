// runbookc init [DIR]: a commented .runbookc.yaml, a runbook template and a
// .pre-commit-config.yaml, written into an existing directory. Nothing is
// overwritten: if any of them exists, nothing is written.
#include <filesystem>
#include <iostream>
#include <memory>

#include "compiler/base/date.h"
#include "compiler/base/file_io.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/repository_files.h"

namespace rbc {
namespace fs = std::filesystem;
namespace {

struct InitArgs {
  std::string dir = ".";
  std::string today;
};

struct PlannedFile {
  std::string relative;  ///< as printed: relative to DIR
  std::string content;
};

std::vector<PlannedFile> planned_files(const Date& today) {
  std::string runbook(init_runbook_template());
  const std::string_view slot = "{{TODAY}}";
  runbook.replace(runbook.find(slot), slot.size(), today.iso());
  return {{".runbookc.yaml", std::string(init_config_yaml())},
          {"runbooks/TEMPLATE.md", runbook},
          {".pre-commit-config.yaml", std::string(init_pre_commit_config())}};
}

int run_init(const InitArgs& args) {
  std::optional<Date> today = args.today.empty() ? std::optional<Date>(today_local()) : parse_iso_date(args.today);
  if (!today) {
    std::cerr << "runbookc: error: --today " << args.today << " is not a date (YYYY-MM-DD)\n";
    return 2;
  }
  std::error_code ec;
  if (!fs::is_directory(args.dir, ec)) {
    std::cerr << "runbookc: error: " << args.dir << " is not a directory\n";
    return 2;
  }
  std::vector<PlannedFile> files = planned_files(*today);
  std::vector<std::string> existing;
  for (const auto& f : files)
    if (fs::exists(fs::symlink_status(fs::path(args.dir) / f.relative, ec))) existing.push_back(f.relative);
  if (!existing.empty()) {
    for (const auto& name : existing)
      std::cerr << "runbookc: error: " << (fs::path(args.dir) / name).string() << " already exists\n";
    std::cerr << "runbookc: error: nothing written: move the files above away, or keep them\n";
    return 2;
  }
  for (const auto& f : files) {
    fs::path target = fs::path(args.dir) / f.relative;
    write_new_file(target, f.content, false);
    std::cout << "wrote " << target.string() << "\n";
  }
  return 0;
}

}  // namespace

Runner add_init_command(CLI::App& app) {
  auto args = std::make_shared<InitArgs>();
  app.add_option("dir", args->dir, "An existing directory, usually the repository root")
      ->type_name("DIR")
      ->capture_default_str();
  app.add_option("--today", args->today, "Date (YYYY-MM-DD) written as the template's last_reviewed; default: today");
  app.footer("Writes .runbookc.yaml, runbooks/TEMPLATE.md and .pre-commit-config.yaml; if any of them exists, "
             "writes nothing and exits 2.");
  return [args] { return run_init(*args); };
}

}  // namespace rbc
