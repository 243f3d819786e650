#include "compiler/cli/site_build.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>

#include "compiler/base/date.h"
#include "compiler/base/embedded_files.h"
#include "compiler/base/file_io.h"
#include "compiler/base/parallel_for.h"
#include "compiler/emit/index/json_index.h"
#include "compiler/emit/output/build_cache.h"
#include "compiler/emit/output/manifest.h"
#include "compiler/emit/output/output_dir.h"
#include "compiler/emit/output/runbook_summary.h"
#include "compiler/emit/output/source_hashes.h"
#include "compiler/emit/script/runbook_scripts.h"
#include "compiler/emit/site/runbook_page.h"
#include "compiler/emit/site/search_document.h"
#include "compiler/emit/site/site_pages.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/model/url_layout.h"
#include "linter/config.h"
#include "linter/driver.h"
#include "linter/rule.h"

namespace fs = std::filesystem;

namespace rbc::site {
namespace {

constexpr const char* kMarker = ".runbookc-site";
constexpr const char* kSourceMemo = "sources";  ///< in the output's work directory

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

/// Hashes strings, each one terminated so that ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  Hasher() : state_(XXH64_createState()) { XXH64_reset(state_, 0); }
  ~Hasher() { XXH64_freeState(state_); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  Hasher& feed(std::string_view s) {
    XXH64_update(state_, s.data(), s.size());
    XXH64_update(state_, "\0", 1);
    return *this;
  }
  std::string hex() const { return hex64(XXH64_digest(state_)); }

 private:
  XXH64_state_t* state_;
};

/// What every output depends on besides its own runbook: version, options,
/// the embedded templates and assets, the rule catalog, and the set of
/// runbooks (links between runbooks point at their pages).
std::string build_fingerprint(const BuildOptions& o, const std::string& today, const std::vector<std::string>& files,
                              const std::vector<std::string>& ids) {
  Hasher h;
  h.feed(RUNBOOKC_VERSION).feed(std::to_string(kSummaryFormat)).feed(o.info.title).feed(o.base_url).feed(today);
  for (const EmbeddedFile& f : embedded_files()) h.feed(f.name).feed(f.bytes);
  for (const Rule& r : all_rules()) h.feed(r.code).feed(r.name).feed(to_string(r.severity));
  for (size_t i = 0; i < files.size(); ++i) h.feed(files[i]).feed(ids[i]);
  h.feed("select");
  for (const std::string& s : o.select) h.feed(s);
  h.feed("ignore");
  for (const std::string& s : o.ignore) h.feed(s);
  return h.hex();
}

/// Bytes of every .runbookc.yaml above a file (a file applies over those
/// above it), found as lint finds them (find_config_file), read once each.
/// Files above a `root: true` are included too: a cache key a little too
/// wide costs a rebuild, never a stale page.
class ConfigBytes {
 public:
  explicit ConfigBytes(const std::string& config_file) {
    if (!config_file.empty()) read_file(config_file, only_);
    only_given_ = !config_file.empty();
  }

  const std::string& for_file(const std::string& file) {
    if (only_given_) return only_;  // --config FILE: that file alone
    // An absolute directory: find_config_file would otherwise ask for the cwd each time.
    std::string config = find_config_file((cwd_ / file).parent_path().string(), &nearest_);
    auto [it, added] = bytes_.try_emplace(config);
    if (added && !config.empty()) {
      read_file(config, it->second);
      fs::path dir = fs::path(config).parent_path();
      if (dir != dir.parent_path()) {
        std::string above = for_file_in(dir.parent_path());
        it->second += "\n# above: " + above;
      }
    }
    return it->second;
  }

 private:
  /// The bytes for a directory's nearest configuration and those above it.
  std::string for_file_in(const fs::path& dir) { return for_file((dir / "x").string()); }

  fs::path cwd_ = fs::current_path();
  bool only_given_ = false;
  std::string only_;  ///< --config FILE's bytes
  std::map<std::string, std::string> nearest_;  ///< find_config_file's memo, by directory
  std::map<std::string, std::string> bytes_;    ///< by configuration file ("" = none)
};

struct Item {
  std::string path, id, key;
  std::string folder;                      ///< runbook_folder(): for the page's breadcrumbs
  std::string short_path;                  ///< runbook_short_paths(): shown by the search
  const std::string* config = nullptr;     ///< bytes of the nearest .runbookc.yaml
  const RunbookRecord* cached = nullptr;   ///< the previous build's record, when still valid
  RunbookRecord record;                    ///< this build's record (rendered items): views into `owned`
  struct {
    std::string entry_text, search_text, search_body, summary;
    std::vector<std::string> outputs;
  } owned;                                 ///< all that is kept of a rendered runbook once it is written
  std::string read_error;                  ///< rendered items: why the file could not be read
  const RunbookRecord& current() const { return cached ? *cached : record; }
};

/// A stale runbook while it is rendered: its IR, page and scripts, held only
/// until they are written and its record is made.
struct Rendering {
  Item* item = nullptr;
  FileResult file;
  bool linted = false;                     ///< false: `file` stands in for a runbook not linted
  ojson entry;
  SearchDocument search;
  std::vector<ScriptLink> scripts;
  std::vector<std::string> script_bodies;  ///< parallel to `scripts`
  std::string page;                        ///< rendered HTML
};

/// Stale runbooks are rendered in chunks of this many consecutive runbooks,
/// one chunk per task; a chunk's scripts are confirmed by bash together
/// (bash_check_many), its files written and its IR freed as soon as it is
/// done, or earlier, once the runbooks pending hold this many source bytes.
/// The grouping depends on the runbooks alone, never on thread timing.
constexpr size_t kChunkRunbooks = 32;
constexpr size_t kPendingSourceBytes = 2 * 1024 * 1024;

class Progress {
 public:
  explicit Progress(bool on) : on_(on) {}
  void step(const char* what, size_t done, size_t total) {
    if (!on_) return;
    std::lock_guard lock(mutex_);
    std::cerr << "\r\033[Krunbookc build: " << what << " " << done << "/" << total << std::flush;
  }
  ~Progress() {
    if (on_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool on_;
  std::mutex mutex_;
};

void check_target(const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) return;
  if (!fs::is_directory(target, ec)) throw std::runtime_error(target.string() + " exists and is not a directory");
  if (fs::exists(target / kMarker, ec) || fs::is_empty(target, ec)) return;
  throw std::runtime_error(target.string() + " exists and was not built by runbookc: refusing to replace it");
}

void write_assets(OutputDir& out) {
  for (const EmbeddedFile& f : embedded_files()) {
    std::string name(f.name);
    if (name.starts_with("site/")) out.write("assets/" + name.substr(5), f.bytes);
    else if (name.starts_with("schemas/")) out.write(name, f.bytes);
  }
}

/// The script list of an entry and the scripts themselves, compiled with `check`.
void compile_scripts(Rendering& r, ScriptCheck check) {
  r.scripts.clear();
  r.script_bodies.clear();
  ojson listed = ojson::array();
  for (RunbookScript& script : runbook_scripts(r.file, r.item->id, check)) {
    listed.push_back({{"section", script.section < 0 ? ojson() : ojson(r.file.runbook.sections[script.section].anchor)},
                      {"path", script.path}});
    r.scripts.push_back({script.path, script.section});
    r.script_bodies.push_back(std::move(script.body));
  }
  r.entry["scripts"] = std::move(listed);
}

/// Renders one stale runbook, linted or not: entry, search document, scripts, page.
void render(Rendering& r, const BuildOptions& o, const std::map<std::string, std::string>& pages) {
  const Item& it = *r.item;
  if (!r.linted) {
    r.file = FileResult();
    r.file.path = it.path;
    r.file.error = "not read";
  }
  if (!r.file.runbook.source) {
    r.file.runbook.source = std::make_shared<SourceFile>(it.path, "");
    r.file.model = make_runbook_model(r.file.runbook, {});
  }
  r.entry = runbook_entry(r.file, it.id, {});  // its "scripts" are the ones compile_scripts writes
  r.search = search_document(r.file.runbook, it.id, r.file.model.title, it.short_path);
  compile_scripts(r, ScriptCheck::lenient);
  r.page = render_runbook_page(o.info, {r.file, it.id, r.scripts, &pages, it.folder});
}

/// tree-sitter accepted every step of the rendered runbooks; bash confirms
/// all of them in a few processes, and runbooks with a step bash rejects are
/// compiled again with every step checked by bash (that step is then shown,
/// not run).
void confirm_scripts(std::vector<Rendering>& batch, const BuildOptions& o,
                     const std::map<std::string, std::string>& pages) {
  std::vector<Rendering*> with_script;
  std::vector<std::string> functions;
  std::vector<std::pair<size_t, size_t>> ranges;  // per runbook in with_script: its functions
  for (Rendering& r : batch)
    if (!r.scripts.empty() && r.linted) {
      with_script.push_back(&r);
      size_t begin = functions.size();
      for (std::string& f : shell_step_functions(r.file.runbook)) functions.push_back(std::move(f));
      ranges.emplace_back(begin, functions.size());
    }
  if (functions.empty()) return;
  std::vector<bool> parses = bash_check_many(functions);
  for (size_t n = 0; n < with_script.size(); ++n) {
    bool valid = true;
    for (size_t f = ranges[n].first; f < ranges[n].second; ++f) valid = valid && parses[f];
    if (valid) continue;
    Rendering& r = *with_script[n];
    compile_scripts(r, ScriptCheck::strict);
    r.page = render_runbook_page(o.info, {r.file, r.item->id, r.scripts, &pages, r.item->folder});
  }
}

/// The cache record of a rendered runbook, the compact summary that is kept
/// of it. Items are not moved afterwards: the record views into the item's strings.
void make_record(const Rendering& rendering) {
  Item& it = *rendering.item;
  auto& own = it.owned;
  own.entry_text = runbook_entry_text(rendering.entry);
  own.search_text = rendering.search.head.dump(-1, ' ', false, ojson::error_handler_t::replace);
  own.search_body = rendering.search.body.dump(-1, ' ', false, ojson::error_handler_t::replace);
  RunbookSummary summary = summarize(rendering.file, it.id);
  own.summary = summary_bytes(summary);
  own.outputs = {runbook_page_url(it.id)};
  for (const ScriptLink& s : rendering.scripts) own.outputs.push_back(s.path);
  RunbookRecord& r = it.record;
  r = {it.id, it.key, own.entry_text, own.search_text, own.search_body, own.summary, {own.outputs.begin(), own.outputs.end()}, -1};
  for (const Diagnostic& d : summary.findings) r.worst = std::max(r.worst, static_cast<int>(d.severity));
  if (rendering.linted && !rendering.file.error.empty()) it.read_error = rendering.file.error;
}

/// Confirms the pending runbooks' scripts, writes their pages and scripts
/// and keeps only their records.
void finish(std::vector<Rendering>& pending, OutputDir& out, const BuildOptions& o,
            const std::map<std::string, std::string>& pages) {
  confirm_scripts(pending, o, pages);
  for (Rendering& r : pending) {
    make_record(r);
    out.write(r.item->owned.outputs[0], r.page);
    for (size_t k = 0; k < r.scripts.size(); ++k) out.write(r.scripts[k].path, r.script_bodies[k], true);
  }
  pending.clear();
}

/// Lints, renders and writes the stale runbooks (items[todo[k]] is
/// linter's file k), in parallel, chunk by chunk (see kChunkRunbooks).
void render_stale(std::vector<Item>& items, const std::vector<size_t>& todo, const FileLinter& linter, OutputDir& out,
                  const BuildOptions& o, const std::map<std::string, std::string>& pages,
                  Progress& progress) {
  std::atomic<size_t> done{0};
  size_t chunks = (todo.size() + kChunkRunbooks - 1) / kChunkRunbooks;
  parallel_for(chunks, o.jobs, [&](size_t c) {
    std::vector<Rendering> pending;
    pending.reserve(kChunkRunbooks);
    size_t pending_bytes = 0;
    for (size_t k = c * kChunkRunbooks; k < std::min(todo.size(), (c + 1) * kChunkRunbooks); ++k) {
      Rendering& r = pending.emplace_back();
      r.item = &items[todo[k]];
      if (std::optional<FileResult> f = linter.lint(k)) {
        r.file = std::move(*f);
        r.linted = true;
      }
      render(r, o, pages);
      pending_bytes += r.file.runbook.source->text().size();
      progress.step("rendering", ++done, todo.size());
      if (pending_bytes >= kPendingSourceBytes) {
        finish(pending, out, o, pages);
        pending_bytes = 0;
      }
    }
    finish(pending, out, o, pages);
  });
}

/// What the aggregate files are rendered from: the fingerprint and every summary.
std::string aggregates_key(const std::string& fingerprint, const std::vector<Item>& items) {
  Hasher h;
  h.feed(fingerprint);
  for (const Item& it : items) h.feed(it.id).feed(it.current().summary);
  return h.hex();
}

/// The files rendered from every runbook's summary at once: the site's
/// aggregate pages and the JSON indexes other than runbooks.json.
std::vector<AggregateFile> all_aggregate_files(const SiteModel& site, const std::string& base_url) {
  std::vector<AggregateFile> out = aggregate_files(site);
  out.push_back({"alerts.json", [&site, base_url] { return dump_json(alerts_index(site.entries, base_url)); }});
  out.push_back({"rules.json", [] { return dump_json(rules_index()); }});
  out.push_back({"lint.json", [&site] { return dump_json(lint_index(site.entries)); }});
  return out;
}

std::vector<std::string> aggregate_file_paths() {
  static const SiteModel empty;
  std::vector<std::string> out;
  for (const AggregateFile& f : all_aggregate_files(empty, "")) out.push_back(f.path);
  return out;
}

/// Keeps the aggregate files when what they are rendered from did not
/// change; renders and writes them otherwise.
void write_aggregates(OutputDir& out, const std::vector<Item>& items, const std::string& key,
                      std::string_view previous_key, const BuildOptions& o) {
  std::vector<std::string> paths = aggregate_file_paths();
  bool unchanged = key == previous_key && std::all_of(paths.begin(), paths.end(), [&](const std::string& p) { return out.has(p); });
  if (unchanged) {
    for (const std::string& p : paths) out.keep(p);
    return;
  }
  SiteModel model;
  model.info = o.info;
  model.entries.resize(items.size());
  parallel_for(items.size(), o.jobs, [&](size_t i) {
    std::optional<RunbookSummary> summary = summary_from_bytes(items[i].current().summary);
    if (!summary) throw StaleOutput("a runbook's summary in the build cache is unreadable");
    model.entries[i] = std::move(*summary);
  });
  std::vector<AggregateFile> files = all_aggregate_files(model, o.base_url);
  parallel_for(files.size(), o.jobs, [&](size_t i) { out.write(files[i].path, files[i].render()); });
}

/// The input paths as the site names them: relative to the working
/// directory, so that no build-machine path (/home/ci/...) is published in
/// pages, lint.json or the cache, whichever way the paths were given.
std::vector<std::string> site_inputs(const std::vector<std::string>& paths) {
  if (paths.empty()) return {"."};
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    fs::path given(p);
    fs::path relative = given.is_absolute() && !ec ? given.lexically_normal().lexically_relative(cwd) : fs::path();
    out.push_back(relative.empty() ? p : relative.generic_string());
  }
  return out;
}

/// One build; `reuse`: trust the previous build's cache and files.
BuildReport build(const BuildOptions& o, bool reuse) {
  BuildReport report;
  fs::path target(o.output);
  check_target(target);

  LintRun scan;
  std::vector<std::string> files = collect_runbooks(site_inputs(o.paths), scan);
  report.errors = scan.errors;
  report.warnings = scan.warnings;
  if (!report.errors.empty()) return report;

  std::optional<Date> today_date = o.today.empty() ? today_local() : parse_iso_date(o.today);
  if (!today_date) {
    report.errors.push_back("--today wants a date as YYYY-MM-DD, not `" + o.today + "`");
    return report;
  }
  std::vector<std::string> ids = runbook_ids(files);
  std::map<std::string, std::string> pages;  // runbook path → page id, for links between runbooks
  for (size_t i = 0; i < files.size(); ++i) pages[fs::path(files[i]).lexically_normal().generic_string()] = ids[i];
  const std::string today = today_date->iso();
  std::string fingerprint = build_fingerprint(o, today, files, ids);
  ConfigBytes configs(o.config_file);
  Progress progress(o.progress);

  OutputDir out(target, reuse);  // from here on, builds of this target wait for this one
  SourceHashes sources(out.work_dir() / kSourceMemo);
  // The cache is read whole anyway; a cache that is not what the site's
  // manifest says was changed by hand, and so may the rest of the site be.
  const FileStamp* cache_stamp = out.current_stamp(kCacheName);
  CacheFile cache_file(cache_stamp ? out.target() / kCacheName : fs::path());
  if (cache_stamp && content_hash(cache_file.bytes()) != cache_stamp->hash)
    throw StaleOutput((out.target() / kCacheName).string() + " does not match the site's manifest");
  const BuildCache& previous = cache_file.cache();
  std::map<std::string_view, const RunbookRecord*> previous_by_id;
  for (const RunbookRecord& r : previous.runbooks) previous_by_id[r.id] = &r;

  // Keys: a runbook whose key is in the cache and whose files are in the site is reused.
  std::vector<Item> items(files.size());
  const size_t common = common_directory_length(files);
  std::vector<std::string> short_paths = runbook_short_paths(files);
  for (size_t i = 0; i < files.size(); ++i) {
    items[i].path = files[i];
    items[i].id = ids[i];
    items[i].folder = runbook_folder(files[i], common);
    items[i].short_path = std::move(short_paths[i]);
    items[i].config = &configs.for_file(files[i]);
  }
  parallel_for(items.size(), o.jobs, [&](size_t i) {
    Item& it = items[i];
    std::optional<std::string> source = sources.hash(it.path);
    it.key = Hasher().feed(fingerprint).feed(it.path).feed(it.id).feed(*it.config).feed(source.value_or("unreadable")).hex();
    auto c = previous_by_id.find(it.id);
    if (c == previous_by_id.end() || c->second->key != it.key) return;
    for (std::string_view output : c->second->outputs)
      if (!out.has(output)) return;
    it.cached = c->second;
  });

  std::vector<size_t> todo;
  std::vector<std::string> stale;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].cached) {
      todo.push_back(i);
      stale.push_back(items[i].path);
    }

  // The files. Creating files is the slow part on many file systems: done in
  // parallel (distinct paths). A stale runbook's page and scripts are written
  // as soon as it is rendered; only its record is kept.
  out.write(kMarker, std::string("runbookc ") + RUNBOOKC_VERSION + "\n");
  write_assets(out);
  LintOptions lint_options;
  lint_options.jobs = o.jobs;
  lint_options.today = today;  // the findings (RB406) judge reviews on the same day as the pages
  lint_options.config_file = o.config_file;
  lint_options.select = o.select;
  lint_options.ignore = o.ignore;
  FileLinter linter(std::move(stale), lint_options);
  for (const auto& e : linter.errors()) report.warnings.push_back(e);
  render_stale(items, todo, linter, out, o, pages, progress);
  for (size_t k : todo)
    if (!items[k].read_error.empty()) report.warnings.push_back(items[k].read_error);
  parallel_for(items.size(), o.jobs, [&](size_t i) {
    if (const RunbookRecord* cached = items[i].cached)
      for (std::string_view output : cached->outputs) out.keep(std::string(output));
  });
  std::vector<std::string_view> entry_texts, search_texts, search_bodies;
  std::vector<const RunbookRecord*> records;
  for (const Item& it : items) {
    const RunbookRecord& r = it.current();
    records.push_back(&r);
    entry_texts.push_back(r.entry_text);
    search_texts.push_back(r.search_text);
    search_bodies.push_back(r.search_body);
    if (r.worst >= 0 && (!report.worst || static_cast<Severity>(r.worst) > *report.worst)) report.worst = static_cast<Severity>(r.worst);
  }
  out.write("runbooks.json", runbooks_index_pieces(entry_texts));
  out.write("assets/search-data.js", search_data_script(search_texts));
  out.write("assets/search-text.js", search_text_script(search_bodies));
  std::string key = aggregates_key(fingerprint, items);
  std::string scratch;
  out.write(kCacheName, cache_pieces(key, records, scratch));
  // Written: the entry and search texts are not needed while the aggregate pages are rendered.
  for (std::vector<std::string_view>* views : {&entry_texts, &search_texts, &search_bodies}) std::vector<std::string_view>().swap(*views);
  std::vector<const RunbookRecord*>().swap(records);
  std::string().swap(scratch);
  for (Item& it : items) {
    std::string().swap(it.owned.entry_text);
    std::string().swap(it.owned.search_text);
    std::string().swap(it.owned.search_body);
    it.record.entry_text = it.record.search_text = it.record.search_body = {};
  }
  write_aggregates(out, items, key, previous.aggregates_key, o);
  out.commit();
  try {
    sources.save();
  } catch (const std::exception& e) {
    report.warnings.push_back(std::string("the site is built, but the memo of source hashes is not saved: ") + e.what());
  }

  report.runbooks = items.size();
  report.reused = items.size() - todo.size();
  report.rendered = todo.size();
  return report;
}

}  // namespace

BuildReport build_site(const BuildOptions& o) {
  try {
    return build(o, true);
  } catch (const StaleOutput&) {
    return build(o, false);  // the site was changed by hand: built again without reusing anything
  }
}

}  // namespace rbc::site
