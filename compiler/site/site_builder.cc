#include "compiler/site/site_builder.h"

#include "compiler/script/runbook_scripts.h"
#include "linter/bash_confirm.h"

#include <unistd.h>
#include <xxhash.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "compiler/driver.h"
#include "compiler/json_index.h"
#include "compiler/site/embedded_files.h"
#include "compiler/site/output_dir.h"
#include "compiler/site/review_dates.h"
#include "compiler/site/runbook_page.h"
#include "compiler/site/search_document.h"
#include "compiler/site/site_pages.h"
#include "linter/rule.h"

namespace fs = std::filesystem;

namespace rbc::site {
namespace {

constexpr const char* kMarker = ".runbookc-site";
constexpr const char* kCache = ".runbookc-cache.cbor";  ///< {id: {key, entry, search}}

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

/// What every page depends on besides its own file: version, options, the
/// embedded templates and assets, the rule catalog.
std::string build_fingerprint(const BuildOptions& o, const std::string& today) {
  XXH64_state_t* st = XXH64_createState();
  XXH64_reset(st, 0);
  auto feed = [&](std::string_view s) {
    XXH64_update(st, s.data(), s.size());
    XXH64_update(st, "\0", 1);
  };
  feed(RUNBOOKC_VERSION);
  feed(o.info.title);
  feed(o.base_url);
  feed(today);
  for (const EmbeddedFile& f : embedded_files()) {
    feed(f.name);
    feed(f.bytes);
  }
  for (const Rule& r : all_rules()) {
    feed(r.code);
    feed(r.name);
    feed(to_string(r.severity));
  }
  std::string out = hex64(XXH64_digest(st));
  XXH64_freeState(st);
  return out;
}

/// Bytes of the nearest .runbookc.yaml above `file` (memoized per directory).
class ConfigBytes {
 public:
  const std::string& for_file(const std::string& file) {
    fs::path dir = fs::absolute(fs::path(file)).parent_path();
    return for_dir(dir);
  }

 private:
  const std::string& for_dir(const fs::path& dir) {
    auto it = memo_.find(dir.string());
    if (it != memo_.end()) return it->second;
    std::string bytes;
    if (!read_file(dir / ".runbookc.yaml", bytes) && dir.has_parent_path() && dir.parent_path() != dir)
      bytes = for_dir(dir.parent_path());
    return memo_[dir.string()] = bytes;
  }
  std::map<std::string, std::string> memo_;
};

struct Item {
  std::string path, id, key;
  const std::string* config = nullptr;  ///< bytes of the nearest .runbookc.yaml
  const FileResult* file = nullptr;        ///< this build's lint result (rendered items)
  std::vector<ScriptLink> scripts;         ///< written this build (rendered items)
  std::vector<std::string> script_bodies;  ///< parallel to `scripts`
  bool cached = false;
  ojson entry, search;
  std::string page;  ///< rendered HTML (empty for cached items: the old page is copied)
};

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, n));
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  std::mutex error_mutex;
  std::exception_ptr error;
  for (unsigned t = 0; t < jobs; ++t)
    threads.emplace_back([&] {
      for (size_t i; (i = next++) < n;) {
        try {
          fn(i);
        } catch (...) {
          std::lock_guard lock(error_mutex);
          if (!error) error = std::current_exception();
        }
      }
    });
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

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

}  // namespace

BuildReport build_site(const BuildOptions& o) {
  BuildReport report;
  fs::path target(o.output);
  check_target(target);

  LintRun scan;
  std::vector<std::string> files = collect_runbooks(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, scan);
  report.errors = scan.errors;
  report.warnings = scan.warnings;
  if (!report.errors.empty()) return report;

  std::string today = o.today.empty() ? system_today() : o.today;
  std::optional<long> today_days = parse_date(today);
  if (!today_days) {
    report.errors.push_back("--today " + o.today + " is not a YYYY-MM-DD date");
    return report;
  }
  std::vector<std::string> ids = runbook_ids(files);
  // Links between runbooks point at pages: the set of runbooks is part of every page's key.
  std::map<std::string, std::string> pages;
  std::string fingerprint = build_fingerprint(o, today);
  for (size_t i = 0; i < files.size(); ++i) {
    pages[fs::path(files[i]).lexically_normal().generic_string()] = ids[i];
    fingerprint += "\n" + files[i] + "=" + ids[i];
  }
  ConfigBytes configs;
  Progress progress(o.progress);

  std::vector<Item> items(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    Item& it = items[i];
    it.path = files[i];
    it.id = ids[i];
    it.config = &configs.for_file(it.path);
  }
  // Keys and cache look-ups: read each file; find its entry in the previous build's cache.
  ojson previous;
  if (std::string bytes; read_file(target / kCache, bytes)) previous = ojson::from_cbor(bytes, true, false);
  if (!previous.is_object()) previous = ojson::object();
  parallel_for(items.size(), o.jobs, [&](size_t i) {
    Item& it = items[i];
    std::string bytes;
    read_file(it.path, bytes);
    XXH64_state_t* st = XXH64_createState();
    XXH64_reset(st, 0);
    for (std::string_view part : {std::string_view(fingerprint), std::string_view(it.path), std::string_view(it.id),
                                  std::string_view(*it.config)}) {
      XXH64_update(st, part.data(), part.size());
      XXH64_update(st, "\0", 1);
    }
    XXH64_update(st, bytes.data(), bytes.size());
    it.key = hex64(XXH64_digest(st));
    XXH64_freeState(st);
    auto c = previous.find(it.id);
    if (c != previous.end() && c->is_object() && c->value("key", std::string()) == it.key &&
        fs::exists(target / "runbooks" / (it.id + ".html"))) {
      it.entry = std::move(c->at("entry"));
      it.search = std::move(c->at("search"));
      it.cached = true;
    }
  });

  std::vector<std::string> stale;
  for (const Item& it : items)
    if (!it.cached) stale.push_back(it.path);
  progress.step("linting", 0, stale.size());
  LintOptions lint_options;
  lint_options.jobs = o.jobs;
  LintRun run = stale.empty() ? LintRun{} : lint_paths(stale, lint_options);
  for (const auto& e : run.errors) report.warnings.push_back(e);
  std::map<std::string, FileResult*> by_path;
  for (FileResult& f : run.files) by_path[f.path] = &f;

  std::atomic<size_t> done{0};
  std::vector<size_t> todo;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].cached) todo.push_back(i);
  parallel_for(todo.size(), o.jobs, [&](size_t k) {
    Item& it = items[todo[k]];
    FileResult missing;
    FileResult* f = by_path.count(it.path) ? by_path[it.path] : nullptr;
    if (!f) {
      missing.path = it.path;
      missing.error = "not read";
      missing.runbook.source = std::make_shared<SourceFile>(it.path, "");
      f = &missing;
    }
    if (!f->runbook.source) f->runbook.source = std::make_shared<SourceFile>(it.path, "");
    std::string title = runbook_title(f->runbook, f->path);
    it.entry = runbook_entry(*f, it.id, false);
    it.search = search_document(f->runbook, it.id, title);
    ojson listed = ojson::array();
    for (RunbookScript& script : runbook_scripts(*f, it.id, ScriptCheck::lenient)) {
      listed.push_back({{"section", script.section < 0 ? ojson() : ojson(f->runbook.sections[script.section].anchor)},
                        {"path", script.path}});
      it.scripts.push_back({script.path, script.section});
      it.script_bodies.push_back(std::move(script.body));
    }
    it.entry["scripts"] = std::move(listed);
    it.page = render_runbook_page(o.info, {*f, it.id, it.scripts, today_days, &pages});
    it.file = f == &missing ? nullptr : f;
    progress.step("rendering", ++done, todo.size());
  });

  // tree-sitter accepted every step above; bash confirms all of them in a
  // few processes, and runbooks with a step bash rejects are compiled again
  // with every step checked by bash (that step is then shown, not run).
  std::vector<size_t> with_script;
  std::vector<std::string> functions;
  std::vector<std::pair<size_t, size_t>> ranges;  // per runbook in with_script: its functions
  for (size_t k : todo)
    if (!items[k].scripts.empty() && items[k].file) {
      with_script.push_back(k);
      size_t begin = functions.size();
      for (std::string& f : shell_step_functions(items[k].file->runbook)) functions.push_back(std::move(f));
      ranges.emplace_back(begin, functions.size());
    }
  std::vector<bool> parses = bash_check_many(functions);
  std::vector<bool> valid(with_script.size(), true);
  for (size_t n = 0; n < with_script.size(); ++n)
    for (size_t f = ranges[n].first; f < ranges[n].second; ++f) valid[n] = valid[n] && parses[f];
  for (size_t n = 0; n < with_script.size(); ++n) {
    Item& it = items[with_script[n]];
    if (valid[n] || !it.file) continue;
    it.scripts.clear();
    it.script_bodies.clear();
    ojson listed = ojson::array();
    for (RunbookScript& script : runbook_scripts(*it.file, it.id, ScriptCheck::strict)) {
      listed.push_back({{"section", script.section < 0 ? ojson() : ojson(it.file->runbook.sections[script.section].anchor)},
                        {"path", script.path}});
      it.scripts.push_back({script.path, script.section});
      it.script_bodies.push_back(std::move(script.body));
    }
    it.entry["scripts"] = std::move(listed);
    it.page = render_runbook_page(o.info, {*it.file, it.id, it.scripts, today_days, &pages});
  }

  // Aggregates, from entries only.
  SiteModel model;
  model.info = o.info;
  model.today = today_days;
  for (Item& it : items) {
    model.entries.push_back(std::move(it.entry));
    model.search_docs.push_back(std::move(it.search));
    for (const ojson& d : model.entries.back()["findings"]) {
      auto s = severity_from_string(d["severity"].get<std::string>());
      if (s && (!report.worst || *s > *report.worst)) report.worst = s;
    }
  }
  OutputDir out(target);
  out.write(kMarker, std::string("runbookc ") + RUNBOOKC_VERSION + "\n");
  write_assets(out);
  // Creating files is the slow part on many file systems: done in parallel
  // (distinct paths; the folders exist first).
  std::filesystem::create_directories(out.staging() / "runbooks");
  std::filesystem::create_directories(out.staging() / "scripts");
  parallel_for(items.size(), o.jobs, [&](size_t i) {
    Item& it = items[i];
    std::string page_path = "runbooks/" + it.id + ".html";
    if (it.cached) {
      out.link_over(page_path);
      for (const ojson& script : model.entries[i]["scripts"]) out.link_over(script["path"].get<std::string>());
    } else {
      out.write(page_path, it.page);
      for (size_t k = 0; k < it.scripts.size(); ++k) out.write(it.scripts[k].path, it.script_bodies[k], true);
    }
  });
  std::error_code empty_ec;
  if (std::filesystem::is_empty(out.staging() / "scripts", empty_ec)) std::filesystem::remove(out.staging() / "scripts", empty_ec);
  out.write("index.html", render_index_page(model));
  out.write("search.html", render_search_page(model));
  out.write("lint.html", render_lint_page(model));
  out.write("rules/index.html", render_rules_page(model));
  for (const auto& [code, html] : render_rule_pages(model)) out.write("rules/" + code + ".html", html);
  out.write("assets/search-data.js", search_data_script(model));
  out.write("runbooks.json", dump_json(runbooks_index(model.entries)));
  out.write("alerts.json", dump_json(alerts_index(model.entries, o.base_url)));
  out.write("rules.json", dump_json(rules_index()));
  out.write("lint.json", dump_json(lint_index(model.entries)));
  ojson cache = ojson::object();
  for (size_t i = 0; i < items.size(); ++i)
    cache[items[i].id] = {{"key", items[i].key}, {"entry", std::move(model.entries[i])}, {"search", std::move(model.search_docs[i])}};
  std::vector<uint8_t> cbor = ojson::to_cbor(cache);
  out.write(kCache, std::string_view(reinterpret_cast<const char*>(cbor.data()), cbor.size()));
  out.commit();

  report.runbooks = items.size();
  report.reused = items.size() - todo.size();
  report.rendered = todo.size();
  return report;
}

}  // namespace rbc::site
