#include "linter/config_resolution.h"

#include <filesystem>
#include <map>

#include "compiler/base/file_io.h"
#include "linter/rule.h"

namespace rbc {
namespace fs = std::filesystem;
namespace {

bool selector_known(const std::string& given) {
  std::string selector = canonical_rule_selector(given);
  if (selector == "ALL") return true;
  for (const Rule& rule : all_rules())
    if (rule.name == selector || (!selector.empty() && rule.code.substr(0, selector.size()) == selector)) return true;
  return false;
}

/// `base` with the CLI options applied.
std::shared_ptr<const Config> with_cli(const Config& base, const LintOptions& options) {
  auto config = std::make_shared<Config>(base);
  if (!options.select.empty()) {
    config->select.clear();
    for (const std::string& s : options.select) config->select.push_back(canonical_rule_selector(s));
  }
  for (const std::string& s : options.ignore) config->ignore.push_back(canonical_rule_selector(s));
  if (auto today = parse_iso_date(options.today)) config->today = *today;
  std::error_code ec;
  for (const std::string& glob : options.exclude) config->exclude.push_back(anchored_glob(fs::current_path(ec), glob));
  return config;
}

}  // namespace

ConfigTree::ConfigTree(std::map<std::string, std::string>& find_memo) : find_memo_(find_memo) {}

std::shared_ptr<const Config> ConfigTree::load(const std::string& path, std::string& error) {
  if (auto it = loaded_.find(path); it != loaded_.end()) {
    if (!it->second) error = errors_[path];
    return it->second;
  }
  loaded_[path] = nullptr;  // a cycle (a link back down) reads as an error, not a loop
  errors_[path] = path + ": the configuration files above it lead back to it";
  std::string text;
  if (!read_file(path, text)) {
    error = errors_[path] = path + ": cannot read the configuration file";
    return nullptr;
  }
  // Read alone first to learn whether it is the root; if not, again over the one above.
  std::optional<Config> alone = parse_config(text, path, error);
  if (!alone) {
    errors_[path] = error;
    return nullptr;
  }
  std::shared_ptr<const Config> result;
  fs::path dir = fs::absolute(path).parent_path();
  std::string above = alone->root || dir == dir.parent_path() ? "" : find_config_file(dir.parent_path().string(), &find_memo_);
  if (above.empty()) {
    result = std::make_shared<const Config>(std::move(*alone));
  } else if (std::shared_ptr<const Config> parent = load(above, error)) {
    if (auto merged = parse_config(text, path, error, parent.get())) result = std::make_shared<const Config>(std::move(*merged));
  }
  if (!result) errors_[path] = error;
  loaded_[path] = result;
  return result;
}

std::shared_ptr<const Config> ConfigTree::load_alone(const std::string& path, std::string& error) {
  if (auto it = alone_.find(path); it != alone_.end()) {
    if (!it->second) error = alone_errors_[path];
    return it->second;
  }
  std::shared_ptr<const Config> result;
  if (auto read = load_config(path, error)) result = std::make_shared<const Config>(std::move(*read));
  else alone_errors_[path] = error;
  alone_[path] = result;
  return result;
}

std::string check_cli_overrides(const LintOptions& options) {
  for (const auto* list : {&options.select, &options.ignore})
    for (const auto& s : *list)
      if (!selector_known(s)) return "no rule matches `" + s + "` (give codes such as RB301, prefixes such as RB3, or names)";
  if (!options.today.empty() && !parse_iso_date(options.today))
    return "--today wants a date as YYYY-MM-DD, not `" + options.today + "`";
  return "";
}

std::vector<std::shared_ptr<const Config>> resolve_configs(std::vector<std::string>& files, const LintOptions& options,
                                                           LintRun& run, ConfigTree* shared_tree) {
  if (std::string problem = check_cli_overrides(options); !problem.empty()) {
    run.errors.push_back(problem);
    return {};
  }
  std::map<std::string, std::shared_ptr<const Config>> loaded;  // by config file path ("" = defaults)
  std::map<std::string, std::string> nearest;                     // by directory as given
  std::map<std::string, std::string> by_absolute_dir;             // find_config_file's memo
  ConfigTree own_tree(by_absolute_dir);
  ConfigTree& tree = shared_tree ? *shared_tree : own_tree;
  auto load = [&](const std::string& path) -> std::shared_ptr<const Config> {
    auto it = loaded.find(path);
    if (it != loaded.end()) return it->second;
    std::shared_ptr<const Config> config;
    if (path.empty()) {
      config = with_cli(Config::defaults(), options);
    } else {
      std::string error;
      // --config FILE is that file alone; a found file applies over those above it.
      std::shared_ptr<const Config> read =
          options.config_file.empty() ? tree.load(path, error) : tree.load_alone(path, error);
      if (read) config = with_cli(*read, options);
      else run.errors.push_back(error);
    }
    loaded[path] = config;
    return config;
  };
  std::vector<std::shared_ptr<const Config>> configs;
  std::vector<std::string> kept;
  bool failed = false;
  for (const std::string& file : files) {
    std::string config_path = options.config_file;
    if (config_path.empty()) {
      std::string dir = fs::path(file).parent_path().string();
      auto it = nearest.find(dir);
      if (it == nearest.end()) it = nearest.emplace(dir, find_config_file(dir, &by_absolute_dir)).first;
      config_path = it->second;
    }
    std::shared_ptr<const Config> config = load(config_path);
    if (!config) {
      failed = true;
      continue;
    }
    if (config->excluded(file)) continue;
    kept.push_back(file);
    configs.push_back(std::move(config));
  }
  if (!options.config_file.empty() && files.empty()) load(options.config_file);  // still report a bad --config
  if (failed) return {};
  files = std::move(kept);
  return configs;
}

}  // namespace rbc
