#include "linter/driver.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "compiler/base/parallel_for.h"
#include "linter/config_resolution.h"
#include "compiler/base/input_roots.h"
#include "compiler/syntax/markdown.h"
#include "compiler/languages/analysis.h"
#include "linter/config.h"
#include "linter/declared_danger.h"
#include "linter/rule.h"
#include "linter/rule_set.h"
#include "linter/suppression.h"

namespace rbc {
namespace fs = std::filesystem;

namespace {

/// What the walk needs besides the directory: where to report skipped links,
/// and the directories a link may point into.
struct Walk {
  const InputRoots& roots;
  const std::vector<std::string>& extensions;  ///< without the dot: "md"
  std::vector<std::string>& found;
  std::vector<std::string>& warnings;
};

bool has_runbook_extension(std::string_view name, const std::vector<std::string>& extensions) {
  for (const std::string& ext : extensions)
    if (name.size() > ext.size() + 1 && name.ends_with(ext) && name[name.size() - ext.size() - 1] == '.') return true;
  return false;
}

/// The extensions that count as runbooks when walking `dir`: those of the
/// configuration that applies there (--config FILE, else the .runbookc.yaml
/// files above it); *.md when none says otherwise or it cannot be read (the
/// error is reported when the files are linted).
std::vector<std::string> walked_extensions(const std::string& dir, const std::string& config_file, ConfigTree& tree,
                                           std::map<std::string, std::string>& find_memo) {
  std::string error;
  std::string file = config_file.empty() ? find_config_file(dir, &find_memo) : config_file;
  if (file.empty()) return Config::defaults().extensions;
  std::shared_ptr<const Config> config = config_file.empty() ? tree.load(file, error) : tree.load_alone(file, error);
  return config ? config->extensions : Config::defaults().extensions;
}

/// Appends the runbook files (by extension) under `dir` to `walk.found`, spelled `base` +
/// their path below it. Hidden directories, node_modules and directories that
/// cannot be read are skipped, and links to directories are not followed.
/// A link to a file outside the input roots is skipped with a warning.
/// POSIX calls: std::filesystem's iterator cost more than the files it found
/// on a large tree, and this runs before any file is checked.
void walk_markdown(const std::string& dir, const std::string& base, Walk& walk) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  int dfd = dirfd(d);
  while (dirent* e = readdir(d)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = e->d_type;
    struct stat st;
    if (type == DT_UNKNOWN) {
      if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    bool link = type == DT_LNK;
    if (link) {
      if (fstatat(dfd, e->d_name, &st, 0) != 0) continue;  // follows the link; a dangling one is skipped
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    if (type == DT_DIR) {
      if (link || (name.size() > 1 && name[0] == '.') || name == "node_modules") continue;
      std::string sub = base + std::string(name);
      walk_markdown(sub, sub + "/", walk);
    } else if (type == DT_REG && has_runbook_extension(name, walk.extensions)) {
      std::string path = base + std::string(name);
      if (link) {
        if (std::string why = walk.roots.link_outside(path); !why.empty()) {
          walk.warnings.push_back(std::move(why));
          continue;
        }
      }
      walk.found.push_back(std::move(path));
    }
  }
  closedir(d);
}

/// What a file that is not regular is, for the error naming it.
std::string_view kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a named pipe (FIFO)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    default: return "a special file";
  }
}

}  // namespace

std::vector<std::string> collect_runbooks(const std::vector<std::string>& paths, LintRun& run,
                                          const std::vector<std::string>& more_roots, const std::string& config_file,
                                          ConfigTree* shared_tree) {
  std::map<std::string, std::string> find_memo;
  ConfigTree own_tree(find_memo);
  ConfigTree& tree = shared_tree ? *shared_tree : own_tree;
  std::vector<std::string> root_paths = paths;
  root_paths.insert(root_paths.end(), more_roots.begin(), more_roots.end());
  InputRoots roots(root_paths);
  std::vector<std::string> files;
  std::set<std::string> seen;  // normalized paths, so overlapping arguments name a file once
  auto add = [&](const std::string& p, std::string key) {
    if (seen.insert(std::move(key)).second) files.push_back(p);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      run.errors.push_back(fmt::format("{}: no such file or directory", path));
      continue;
    }
    std::string root_key = fs::path(path).lexically_normal().string();
    if (!fs::is_directory(status)) {
      // Named on the command line: a link may also point beside itself.
      std::string beside = fs::path(path).parent_path().string();
      if (std::string why = roots.link_outside(path, beside.empty() ? "." : beside); !why.empty()) {
        run.warnings.push_back(std::move(why));
        continue;
      }
      // Only regular files are read: opening a FIFO would wait for a writer forever.
      if (!fs::is_regular_file(status)) {
        run.errors.push_back(fmt::format("{}: not a regular file but {}; not read", path, kind_of(status.type())));
        continue;
      }
      add(path, root_key);
      continue;
    }
    if (root_key.size() > 1 && root_key.back() == '/') root_key.pop_back();
    if (DIR* probe = opendir(path.c_str())) {
      closedir(probe);
    } else {
      run.errors.push_back(fmt::format("{}: cannot read directory: {}", path, std::strerror(errno)));
      continue;
    }
    // Entries below `path` are `base` + names: normalizing the root once is enough.
    std::string base = path == "." ? "" : path.back() == '/' ? path : path + "/";
    std::vector<std::string> found;
    std::vector<std::string> extensions = walked_extensions(path, config_file, tree, find_memo);
    Walk walk{roots, extensions, found, run.warnings};
    walk_markdown(path, base, walk);
    if (found.empty()) {
      std::string patterns;
      for (const std::string& ext : extensions) patterns += (patterns.empty() ? "*." : ", *.") + ext;
      run.warnings.push_back(fmt::format("{}: no runbooks ({}) found in this directory", path, patterns));
    }
    std::sort(found.begin(), found.end());
    for (const auto& f : found) {
      std::string rel = f.substr(base.size());
      add(f, root_key == "." ? rel : root_key + "/" + rel);
    }
  }
  return files;
}

namespace {

/// The rules `config` enables, indexed for dispatch, worked out once per
/// configuration and thread: a run has one or a few configurations and
/// hundreds of files. The weak pointer makes a configuration freed since
/// never mistaken for a new one.
const RuleSet& enabled_rules(const std::shared_ptr<const Config>& config) {
  thread_local std::weak_ptr<const Config> cached_for;
  thread_local std::optional<RuleSet> rules;
  if (!rules || cached_for.lock() != config) {
    std::vector<const Rule*> enabled;
    for (const Rule& rule : all_rules())
      if (config->enabled(rule)) enabled.push_back(&rule);
    rules.emplace(std::move(enabled));
    cached_for = config;
  }
  return *rules;
}

}  // namespace

namespace {

/// RB007, from the front end's notes: the IR keeps no trace of the nesting it flattened.
void report_flattened(const Runbook& rb, const Config& config, uint32_t offset, std::vector<Diagnostic>& out) {
  const Rule* rule = find_rule("RB007");
  if (!rule || !config.enabled(*rule)) return;
  Emitter emit(rb, config, out);
  emit.set_rule(rule);
  emit.report({offset, offset + 1},
              fmt::format("Markdown nested more than {} levels deep; the page shows what lies deeper flattened into "
                          "level {}",
                          kMaxNesting, kMaxNesting),
              "nest lists and block quotes less deeply");
}

}  // namespace

FileResult lint_bytes(std::string path, std::string bytes) {
  return lint_bytes(std::move(path), std::move(bytes), default_config());
}

FileResult lint_bytes(std::string path, std::string bytes, std::shared_ptr<const Config> config,
                      const ParseOptions& parse) {
  FileResult result;
  result.path = path;
  ParseNotes notes;
  ParseOptions options = parse;
  if (!options.alert_naming) options.alert_naming = &config->alerts.naming;
  result.runbook = parse_runbook(std::move(path), std::move(bytes), options, &notes);
  result.model = make_runbook_model(
      result.runbook, ModelOptions{.today = config->today, .default_review_period_days = config->review_period_days});
  if (!result.runbook.binary) analyze(result.runbook, config->team_commands.get());
  resolve_declared_danger(result.runbook);
  enabled_rules(config).run(result.runbook, *config, result.diagnostics);
  if (notes.flattened_at) report_flattened(result.runbook, *config, *notes.flattened_at, result.diagnostics);
  for (const Step& step : result.runbook.steps) result.blocks.push_back(step.kind);
  // Post-rule passes: configured severities, declared danger, then suppressions.
  for (Diagnostic& d : result.diagnostics)
    if (const Rule* rule = find_rule(d.code)) d.severity = config->severity(*rule);
  if (!config->per_file_ignores.empty())
    std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
      const Rule* rule = find_rule(d.code);
      return rule && config->ignored_in(result.path, *rule);
    });
  apply_declared_danger(result.runbook, result.diagnostics);
  apply_suppressions(result.runbook, *config, result.diagnostics);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}

FileResult lint_and_fix_bytes(std::string path, std::string bytes, std::shared_ptr<const Config> config,
                              FixMode mode, const ParseOptions& parse) {
  if (mode == FixMode::none) return lint_bytes(std::move(path), std::move(bytes), std::move(config), parse);
  FileResult result = lint_bytes(path, bytes, config, parse);
  FixOutcome outcome;
  // Spans are offsets in the text the front end read: the bytes less a
  // byte-order mark, which is kept in front of the fixed text.
  std::string_view bom = std::string_view(bytes).starts_with("\xEF\xBB\xBF") ? "\xEF\xBB\xBF" : "";
  std::string text = bytes.substr(bom.size());
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    // Fix only what the findings' offsets point into as read (a front end
    // that changed the bytes, e.g. invalid UTF-8, gets no fixes).
    if (!result.runbook.source || result.runbook.source->text() != text) break;
    AppliedFixes applied = apply_fixes(text, result.diagnostics, mode == FixMode::unsafe);
    if (applied.applied == 0 || applied.text == text) break;
    if (pass == 0) outcome.diagnostics_before = result.diagnostics, outcome.source_before = result.runbook.source;
    outcome.fixes += applied.applied;
    text = std::move(applied.text);
    result = lint_bytes(path, std::string(bom) + text, config, parse);
  }
  text.insert(0, bom);
  if (outcome.fixes > 0) {
    outcome.before = std::move(bytes);
    outcome.after = std::move(text);
    result.fixed = std::move(outcome);
  }
  return result;
}

namespace {

/// The whole file in `bytes`, or a one-line error naming it. POSIX calls
/// rather than streams: one open, fstat, read and close per file.
/// O_NONBLOCK and the fstat after opening: a file replaced by a FIFO since it
/// was found is refused instead of waited on.
std::string read_runbook(const std::string& path, uint64_t max_size, std::string& bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return fmt::format("{}: cannot open: {}", path, std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return fmt::format("{}: cannot read: {}", path, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return fmt::format("{}: not a regular file; not read", path);
  if (static_cast<uint64_t>(st.st_size) > max_size)
    return fmt::format("{}: file is {:.1f} MiB, larger than the {:.0f} MiB limit (--max-file-size); skipped", path,
                       static_cast<double>(st.st_size) / (1024 * 1024), static_cast<double>(max_size) / (1024 * 1024));
  bytes.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (true) {
    if (got == bytes.size()) bytes.resize(got + 4096);  // the file grew, or reports no size (a pipe)
    ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fmt::format("{}: read error: {}", path, std::strerror(errno));
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > max_size)
      return fmt::format("{}: file is larger than the {:.0f} MiB limit (--max-file-size); skipped", path,
                         static_cast<double>(max_size) / (1024 * 1024));
  }
  bytes.resize(got);
  return {};
}

FileResult lint_file(const std::string& path, const LintOptions& options, std::shared_ptr<const Config> config) {
  std::string bytes;
  if (std::string error = read_runbook(path, options.max_file_size, bytes); !error.empty()) {
    FileResult r;
    r.path = path;
    r.error = std::move(error);
    return r;
  }
  try {
    FileResult r = lint_and_fix_bytes(path, std::move(bytes), std::move(config), options.fix,
                                      ParseOptions{.autolink = !options.findings_only, .document = !options.findings_only});
    if (options.findings_only) {
      Runbook source_only;
      source_only.source = std::move(r.runbook.source);
      r.runbook = std::move(source_only);  // the IR is freed here, on this worker
    }
    return r;
  } catch (const std::exception& e) {
    // A bug in runbookc must not cost the other files their results.
    FileResult r;
    r.path = path;
    r.error = fmt::format("{}: internal error while checking this file: {} (please report it)", path, e.what());
    return r;
  }
}

}  // namespace

LintRun lint_paths(const std::vector<std::string>& paths, const LintOptions& options) {
  LintRun run;
  // One reading of each configuration file for walking and for linting (--config may be /dev/stdin).
  std::map<std::string, std::string> find_memo;
  ConfigTree tree(find_memo);
  std::vector<std::string> files = collect_runbooks(paths, run, options.input_roots, options.config_file, &tree);
  if (files.empty() && run.errors.empty()) {
    // A typo'd path in CI must not pass green: nothing to lint is an error.
    std::string given;
    for (const std::string& p : paths) given += (given.empty() ? "" : ", ") + p;
    run.errors.push_back(fmt::format("nothing to lint in {}", given));
    return run;
  }
  size_t errors_before = run.errors.size();
  std::vector<std::shared_ptr<const Config>> configs = resolve_configs(files, options, run, &tree);
  if (run.errors.size() > errors_before) return run;  // a bad configuration: nothing is linted
  run.files.resize(files.size());
  parallel_for(files.size(), options.jobs, [&](size_t i) { run.files[i] = lint_file(files[i], options, configs[i]); });
  for (const auto& f : run.files)
    if (!f.error.empty()) run.errors.push_back(f.error);
  return run;
}

LintRun lint_text(const std::string& path, std::string bytes, const LintOptions& options) {
  LintRun run;
  std::vector<std::string> files{path};
  std::vector<std::shared_ptr<const Config>> configs = resolve_configs(files, options, run);
  if (!run.errors.empty() || files.empty()) return run;
  if (bytes.size() > options.max_file_size) {
    run.errors.push_back(fmt::format("{}: larger than the {} MiB limit (--max-file-size); not read", path,
                                     options.max_file_size / (1024 * 1024)));
    return run;
  }
  FileResult r = lint_bytes(path, std::move(bytes), configs.front(),
                            ParseOptions{.autolink = !options.findings_only, .document = !options.findings_only});
  run.files.push_back(std::move(r));
  return run;
}

FileLinter::FileLinter(std::vector<std::string> files, const LintOptions& options)
    : files_(std::move(files)), options_(options), configs_(files_.size()) {
  LintRun run;
  std::vector<std::string> kept = files_;
  std::vector<std::shared_ptr<const Config>> configs = resolve_configs(kept, options, run);
  errors_ = std::move(run.errors);
  if (!errors_.empty()) return;
  // resolve_configs keeps the files it does not exclude, in order.
  for (size_t i = 0, k = 0; i < files_.size() && k < kept.size(); ++i)
    if (files_[i] == kept[k]) configs_[i] = configs[k++];
}

std::optional<FileResult> FileLinter::lint(size_t i) const {
  if (!configs_[i]) return std::nullopt;
  return lint_file(files_[i], options_, configs_[i]);
}

}  // namespace rbc
