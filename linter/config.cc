#include "linter/config.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <sstream>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"
#include "compiler/syntax/yaml_document.h"
#include "linter/rule.h"

namespace rbc {
namespace fs = std::filesystem;

const Config& Config::defaults() {
  static const Config config = [] {
    Config c;
    // No required sections by default (like markdownlint's required-headings):
    // real runbook collections follow many layouts, and a default layout
    // flagged half of the helper and overview pages of the corpus. Teams
    // name the roles they require in .runbookc.yaml.
    c.secret_names = {"SECRET", "TOKEN", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL",
                      "DATABASE_URL", "DSN", "JWT", "ACCESS_KEY"};
    c.protected_branches = {"main", "master", "production", "prod", "release"};
    return c;
  }();
  return config;
}

std::shared_ptr<const Config> default_config() {
  static const auto shared = std::make_shared<const Config>(Config::defaults());
  return shared;
}

bool selector_matches(const std::string& selector, const Rule& rule) {
  if (selector == "ALL" || selector == rule.name) return true;
  // Codes and code prefixes, as ruff: "RB3" selects RB301...RB399.
  return rule.code.substr(0, selector.size()) == selector && !selector.empty();
}

std::string anchored_glob(const fs::path& dir, const std::string& glob) {
  if (!glob.empty() && glob.front() == '/') return glob;
  std::string out;
  for (char c : dir.lexically_normal().generic_string()) {
    if (c == '*' || c == '?' || c == '[' || c == '\\') out += '\\';
    out += c;
  }
  if (out.empty() || out.back() != '/') out += '/';
  return out + (glob.starts_with("./") ? glob.substr(2) : glob);
}

namespace {

/// `file` as the anchored globs see it: absolute and normalized.
std::string absolute_of(const std::string& file) {
  std::error_code ec;
  return fs::absolute(file, ec).lexically_normal().generic_string();
}

bool glob_matches(const std::string& glob, const std::string& absolute_file) {
  // Without FNM_PATHNAME '*' crosses '/', so "drafts/**" and "**/old/*.md" both work.
  if (fnmatch(glob.c_str(), absolute_file.c_str(), 0) == 0) return true;
  return !glob.empty() && glob.back() == '/' && absolute_file.starts_with(glob);  // "drafts/": everything below
}

}  // namespace

bool Config::enabled(const Rule& rule) const {
  if (!select.empty() &&
      std::none_of(select.begin(), select.end(), [&](const std::string& s) { return selector_matches(s, rule); }))
    return false;
  if (std::any_of(ignore.begin(), ignore.end(), [&](const std::string& s) { return selector_matches(s, rule); }))
    return false;
  bool named = std::any_of(select.begin(), select.end(), [&](const std::string& s) { return s == rule.code || s == rule.name; });
  auto it = rule_overrides.find(std::string(rule.code));
  bool configured = it != rule_overrides.end();
  // An explicit --select brings back a rule the file turned off.
  if (configured && !it->second) return named;
  if (rule.opt_in) return configured || named;
  return true;
}

Severity Config::severity(const Rule& rule) const {
  auto it = rule_overrides.find(std::string(rule.code));
  return it != rule_overrides.end() && it->second ? *it->second : rule.severity;
}

bool Config::is_secret_name(std::string_view variable) const {
  // Called on every line of code by some rules: an ASCII upper-casing into a
  // buffer kept per thread, rather than a new string and a locale call per byte.
  thread_local std::string upper;
  upper.assign(variable);
  for (char& c : upper) c = ascii_upper(c);
  for (const auto& pattern : secret_names)
    if (upper.find(pattern) != std::string::npos) return true;
  return false;
}

bool Config::excluded(const std::string& file) const {
  if (exclude.empty()) return false;
  std::string absolute = absolute_of(file);
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) { return glob_matches(g, absolute); });
}

bool Config::ignored_in(const std::string& file, const Rule& rule) const {
  if (per_file_ignores.empty()) return false;
  std::string absolute = absolute_of(file);
  for (const PerFileIgnore& p : per_file_ignores)
    if (glob_matches(p.glob, absolute) &&
        std::any_of(p.selectors.begin(), p.selectors.end(), [&](const std::string& s) { return selector_matches(s, rule); }))
      return true;
  return false;
}

namespace {

struct LoadError {
  std::string message;
  int line;
};

std::vector<std::string> strings(const yaml::Node& node, const char* what, int at_line) {
  if (!node.is_sequence()) throw LoadError{fmt::format("`{}` must be a list of strings", what), node.line(at_line)};
  std::vector<std::string> out;
  node.for_each_item([&](yaml::Node item) {
    if (!item.is_scalar()) throw LoadError{fmt::format("`{}` must be a list of strings", what), item.line(node.line(at_line))};
    out.push_back(item.scalar());
  });
  return out;
}

void read_rules(const yaml::Node& rules, Config& config, int at_line, const std::string& path) {
  if (!rules.is_mapping())
    throw LoadError{"`rules` must map rule codes or names to off, note, warning or error", rules.line(at_line)};
  rules.for_each_pair([&](yaml::Node k, yaml::Node v) {
    std::string key = k.scalar();
    const Rule* rule = find_rule(key);
    if (!rule) throw LoadError{fmt::format("unknown rule `{}` (`runbookc rules` lists them)", key), k.line()};
    std::string value = v.scalar();
    value = ascii_lower(value);
    config.origin["rules." + std::string(rule->code)] = fmt::format("{}:{}", path, k.line() + 1);
    if (value == "off" || value == "false" || value == "disable" || value == "disabled") {
      config.rule_overrides[std::string(rule->code)] = std::nullopt;
    } else if (value == "on" || value == "true") {
      config.rule_overrides.erase(std::string(rule->code));
    } else if (auto severity = severity_from_string(value)) {
      config.rule_overrides[std::string(rule->code)] = *severity;
    } else {
      throw LoadError{fmt::format("bad setting `{}` for {}: use off, on, note, warning or error",
                                  v.is_scalar() ? v.scalar() : "?", rule->code),
                      v.line(k.line())};
    }
  });
}

/// The headings a well-known role accepts, English and French ("Symptoms" also
/// matches "Symptômes", "Impact"); unknown roles accept only their own name.
std::vector<std::string> role_aliases(const std::string& role) {
  static const std::vector<RequiredSection> known = {
      {"Symptoms", {"Symptoms", "Symptom", "Symptômes", "Symptôme", "Meaning", "Impact", "Detection", "Signs",
                    "Signification"}},
      {"Diagnosis", {"Diagnosis", "Diagnostic", "Diagnostics", "Investigation", "Troubleshooting", "Triage"}},
      {"Mitigation", {"Mitigation", "Mitigate", "Actions", "Résolution", "Resolution", "Remediation", "Recovery",
                      "Workaround", "Rollback"}},
      {"Resolution", {"Resolution", "Résolution", "Resolve", "Fix", "Root cause", "Cause"}},
      {"Communication", {"Communication", "Communications", "Status page", "Stakeholders"}},
      {"Escalation", {"Escalation", "Escalade", "Contacts", "Contact", "On-call", "Astreinte"}},
  };
  for (const RequiredSection& r : known)
    if (iequals(r.role, role)) return r.aliases;
  return {role};
}

void read_required_sections(const yaml::Node& node, Config& config, int at_line) {
  config.required_sections.clear();
  if (node.is_null()) return;
  if (node.is_sequence()) {  // [Symptoms, Mitigation]: each role with its built-in aliases
    for (const auto& role : strings(node, "required_sections", at_line))
      config.required_sections.push_back({role, role_aliases(role)});
    return;
  }
  if (!node.is_mapping())
    throw LoadError{"`required_sections` must map a role to its accepted headings, or list headings", node.line(at_line)};
  node.for_each_pair([&](yaml::Node k, yaml::Node v) {
    RequiredSection section{k.scalar(), role_aliases(k.scalar())};
    if (!v.is_null())
      for (const auto& alias : strings(v, "required_sections", k.line())) section.aliases.push_back(alias);
    config.required_sections.push_back(std::move(section));
  });
}

/// commands:
///   aliases: {tf: terraform, kdel: kubectl delete}
///   wrappers: [gds-run, with-role]
///   dangerous:
///     - {command: deployctl release purge, effect: destroys-data, does: deletes every cached release}
void read_commands(const yaml::Node& node, Config& config, int at_line, const std::string& path) {
  if (!node.is_mapping())
    throw LoadError{"`commands` must be a mapping with aliases, wrappers and dangerous", node.line(at_line)};
  std::map<std::string, std::vector<std::string>> aliases;
  std::vector<std::string> wrappers;
  std::vector<TeamCommand> commands;
  auto words_of = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  };
  node.for_each_pair([&](yaml::Node k, yaml::Node v) {
    std::string key = k.scalar();
    if (key == "aliases") {
      if (!v.is_mapping()) throw LoadError{"`commands.aliases` must map a name to the command it stands for", v.line(k.line())};
      v.for_each_pair([&](yaml::Node name, yaml::Node target) {
        if (!target.is_scalar() || words_of(target.scalar()).empty())
          throw LoadError{fmt::format("alias `{}` must stand for a command (`tf: terraform`)", name.scalar()),
                          target.line(name.line())};
        aliases[name.scalar()] = words_of(target.scalar());
      });
    } else if (key == "wrappers") {
      wrappers = strings(v, "commands.wrappers", k.line());
    } else if (key == "dangerous") {
      if (!v.is_sequence()) throw LoadError{"`commands.dangerous` must be a list of {command, effect, does}", v.line(k.line())};
      v.for_each_item([&](yaml::Node item) {
        int line = item.line(k.line());
        if (!item.is_mapping()) throw LoadError{"each `commands.dangerous` entry needs command, effect and does", line};
        TeamCommand command;
        std::string effect;
        item.for_each_pair([&](yaml::Node f, yaml::Node value) {
          std::string field = f.scalar();
          std::string text = value.is_scalar() ? value.scalar() : "";
          if (field == "command") {
            std::vector<std::string> words = words_of(text);
            if (words.empty()) throw LoadError{"`command` must name a program and its subcommand words", f.line()};
            command.program = words[0];
            for (size_t i = 1; i < words.size(); ++i) command.path += (i > 1 ? " " : "") + words[i];
          } else if (field == "effect") {
            effect = text;
          } else if (field == "does") {
            command.does = text;
          } else {
            throw LoadError{fmt::format("unknown field `{}` in commands.dangerous (known: command, effect, does)", field),
                            f.line()};
          }
        });
        std::optional<Effect> parsed = effect_from_string(effect);
        if (command.program.empty() || !parsed || *parsed == Effect::read_only)
          throw LoadError{"each `commands.dangerous` entry needs a command and an effect: destroys-data, irreversible, "
                          "disrupts, changes-access or prints-secret",
                          line};
        command.effect = *parsed;
        if (command.does.empty()) command.does = "is declared " + effect + " in the team's configuration";
        command.source = fmt::format("{}:{}", path.empty() ? ".runbookc.yaml" : std::filesystem::path(path).filename().string(),
                                     line + 1);
        commands.push_back(std::move(command));
      });
    } else {
      throw LoadError{fmt::format("unknown key `commands.{}` (known: aliases, wrappers, dangerous)", key), k.line()};
    }
  });
  config.team_commands = std::make_shared<const TeamCommands>(std::move(aliases), std::move(wrappers), std::move(commands));
}

/// alerts:
///   sources: [front_matter, file_name, heading]   # the conventions that name alerts
///   name_pattern: '^Alert: (\w+)$'               # searched in headings; group 1 is the name
///   annotation: runbook_url
///   runbook_url: {base: https://runbooks.example.com/, source: content/runbooks, case: lower}
void read_alerts(const yaml::Node& node, Config& config, int at_line, const fs::path& dir) {
  if (!node.is_mapping())
    throw LoadError{"`alerts` must be a mapping with sources, name_pattern, annotation and runbook_url", node.line(at_line)};
  AlertsConfig& a = config.alerts;
  node.for_each_pair([&](yaml::Node k, yaml::Node v) {
    std::string key = k.scalar();
    if (key == "sources") {
      a.naming.front_matter = a.naming.file_name = a.naming.heading = false;
      for (const std::string& source : strings(v, "alerts.sources", k.line())) {
        if (source == "front_matter") a.naming.front_matter = true;
        else if (source == "file_name") a.naming.file_name = true;
        else if (source == "heading") a.naming.heading = true;
        else
          throw LoadError{fmt::format("unknown alert-name source `{}` (known: front_matter, file_name, heading; "
                                      "name_pattern adds its own)",
                                      source),
                          v.line(k.line())};
      }
    } else if (key == "name_pattern") {
      std::string text = v.scalar();
      if (text.empty()) throw LoadError{"`alerts.name_pattern` must be a regular expression", v.line(k.line())};
      try {
        a.naming.name_pattern = std::make_shared<const Pattern>(text);
      } catch (const std::exception& e) {
        throw LoadError{fmt::format("`alerts.name_pattern` does not compile: {}", e.what()), v.line(k.line())};
      }
      a.naming.name_pattern_text = text;
    } else if (key == "annotation") {
      a.annotation = v.scalar();
      if (a.annotation.empty()) throw LoadError{"`alerts.annotation` must name an annotation", v.line(k.line())};
    } else if (key == "runbook_url") {
      if (!v.is_mapping()) throw LoadError{"`alerts.runbook_url` must be a mapping with base, source and case", v.line(k.line())};
      v.for_each_pair([&](yaml::Node uk, yaml::Node uv) {
        std::string field = uk.scalar();
        if (field == "base") {
          a.url_base = uv.scalar();
          if (a.url_base.find("://") == std::string::npos)
            throw LoadError{"`alerts.runbook_url.base` must be an absolute URL (https://...)", uv.line(uk.line())};
          if (!a.url_base.ends_with("/")) a.url_base += '/';
        } else if (field == "source") {
          a.url_source = (dir / uv.scalar()).lexically_normal().string();
        } else if (field == "case") {
          std::string value = uv.scalar();
          if (value != "lower" && value != "preserve")
            throw LoadError{"`alerts.runbook_url.case` is lower (Hugo) or preserve (mdBook, Jekyll)", uv.line(uk.line())};
          a.url_lower_case = value == "lower";
        } else {
          throw LoadError{fmt::format("unknown key `alerts.runbook_url.{}` (known: base, source, case)", field), uk.line()};
        }
      });
      if (a.url_source.empty()) a.url_source = dir.lexically_normal().string();
    } else {
      throw LoadError{fmt::format("unknown key `alerts.{}` (known: sources, name_pattern, annotation, runbook_url)", key),
                      k.line()};
    }
  });
}

/// `per_file_ignores: {"legacy/**": [RB404, RB409], "drafts/*": ALL}`
void read_per_file_ignores(const yaml::Node& node, Config& config, int at_line, const fs::path& dir) {
  if (!node.is_mapping())
    throw LoadError{"`per_file_ignores` must map globs to lists of rules", node.line(at_line)};
  node.for_each_pair([&](yaml::Node k, yaml::Node v) {
    PerFileIgnore ignore{anchored_glob(dir, k.scalar()), {}};
    std::vector<std::string> given = v.is_scalar() ? std::vector<std::string>{v.scalar()} : strings(v, "per_file_ignores", k.line());
    for (const std::string& s : given) {
      std::string selector = canonical_rule_selector(s);
      bool known = selector == "ALL" || std::any_of(all_rules().begin(), all_rules().end(),
                                                    [&](const Rule& r) { return selector_matches(selector, r); });
      if (!known) throw LoadError{fmt::format("no rule matches `{}` in per_file_ignores", s), k.line()};
      ignore.selectors.push_back(selector);
    }
    config.per_file_ignores.push_back(std::move(ignore));
  });
}

void read_config(const yaml::Node& root, Config& config, const std::string& path) {
  if (root.is_null()) return;
  std::error_code ec;
  fs::path dir = path.empty() ? fs::current_path(ec) : fs::absolute(path, ec).parent_path();
  if (!root.is_mapping()) throw LoadError{"the configuration must be a mapping of keys to values", root.line()};
  root.for_each_pair([&](yaml::Node k, yaml::Node value) {
    std::string key = k.scalar();
    int line = k.line();
    if (key != "rules") config.origin[key] = fmt::format("{}:{}", path, line + 1);
    if (key == "rules") read_rules(value, config, line, path);
    else if (key == "root") {
      std::string flag = value.is_scalar() ? ascii_lower(value.scalar()) : "";
      if (flag != "true" && flag != "false") throw LoadError{"`root` must be true or false", value.line(line)};
      config.root = flag == "true";
    } else if (key == "per_file_ignores") read_per_file_ignores(value, config, line, dir);
    else if (key == "required_sections") read_required_sections(value, config, line);
    else if (key == "secret_names") {
      config.secret_names = strings(value, "secret_names", line);
      for (auto& s : config.secret_names) s = ascii_upper(s);
    } else if (key == "protected_branches") config.protected_branches = strings(value, "protected_branches", line);
    else if (key == "extensions") {
      config.extensions.clear();
      for (std::string ext : strings(value, "extensions", line)) {
        if (ext.starts_with(".")) ext.erase(0, 1);
        if (ext.empty() || ext.find('/') != std::string::npos)
          throw LoadError{"`extensions` must list file extensions such as md or markdown", value.line(line)};
        config.extensions.push_back(ext);
      }
      if (config.extensions.empty()) throw LoadError{"`extensions` must name at least one extension", value.line(line)};
    }
    else if (key == "exclude") {
      for (const std::string& glob : strings(value, "exclude", line)) config.exclude.push_back(anchored_glob(dir, glob));
    }
    else if (key == "commands") read_commands(value, config, line, path);
    else if (key == "alerts") read_alerts(value, config, line, dir);
    else if (key == "review_period") {
      auto days = value.is_scalar() ? parse_period_days(value.scalar()) : std::nullopt;
      if (!days) throw LoadError{"`review_period` must be a period such as 90d, 6m or 1y", value.line(line)};
      config.review_period_days = *days;
    } else {
      throw LoadError{fmt::format("unknown key `{}` (known: root, rules, per_file_ignores, required_sections, "
                                  "secret_names, protected_branches, exclude, extensions, review_period, commands, alerts)",
                                  key),
                      line};
    }
  });
}

}  // namespace

std::optional<Config> load_config(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  std::string text(std::istreambuf_iterator<char>(in), {});
  if (!in && !in.eof()) {
    error = fmt::format("{}: cannot read the configuration file", path);
    return std::nullopt;
  }
  return parse_config(text, path, error);
}

std::optional<Config> parse_config(std::string_view text, const std::string& path, std::string& error,
                                   const Config* base) {
  Config config = base ? *base : Config::defaults();
  config.path = path;
  config.files.push_back(path);
  config.root = false;
  yaml::ParseError parse_error;
  std::unique_ptr<yaml::Document> doc = yaml::Document::parse(text, parse_error);
  if (!doc) {
    error = fmt::format("{}:{}: invalid YAML: {}", path, parse_error.line + 1, parse_error.message);
    return std::nullopt;
  }
  try {
    read_config(doc->root(), config, path);
  } catch (const LoadError& e) {
    error = fmt::format("{}:{}: {}", path, e.line + 1, e.message);
    return std::nullopt;
  }
  return config;
}

std::string find_config_file(const std::string& dir, std::map<std::string, std::string>* memo) {
  std::error_code ec;
  fs::path at = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (at.has_relative_path() && at.filename().empty()) at = at.parent_path();  // "a/b/" -> "a/b"
  std::vector<std::string> visited;
  std::string found;
  while (true) {
    std::string key = at.string();
    if (memo) {
      if (auto it = memo->find(key); it != memo->end()) {
        found = it->second;
        break;
      }
      visited.push_back(key);
    }
    fs::path candidate = at / ".runbookc.yaml";
    if (fs::is_regular_file(candidate, ec)) {
      found = candidate.string();
      break;
    }
    if (at == at.root_path() || at.parent_path() == at) break;
    at = at.parent_path();
  }
  if (memo)
    for (const std::string& d : visited) (*memo)[d] = found;
  return found;
}

}  // namespace rbc
