#include "compiler/languages/command_effects.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "compiler/languages/command_words.h"
#include "compiler/base/ascii.h"
#include "compiler/base/path_name.h"

namespace rbc {
namespace {


/// An entry with its lists split once, for matching every command.
struct ParsedEntry {
  const EffectEntry* entry = nullptr;
  std::vector<std::vector<std::string_view>> path;  ///< per word, its alternatives
  bool anywhere = false;                            ///< the path began with "..."
  bool data_path = false;                           ///< "<data-path>"
  std::string_view has;                             ///< "<has:TEXT>"
  std::vector<std::string_view> flags, unless;
};

ParsedEntry parse_entry(const EffectEntry& e) {
  ParsedEntry p;
  p.entry = &e;
  std::vector<std::string_view> words = words_of(e.path);
  if (!words.empty() && words.front() == "<data-path>") {
    p.data_path = true;
    words.clear();
  }
  if (!words.empty() && words.back().starts_with("<has:")) {
    p.has = words.back().substr(5, words.back().size() - 6);
    words.pop_back();
  }
  if (!words.empty() && words.front() == "...") {
    p.anywhere = true;
    words.erase(words.begin());
  }
  for (std::string_view w : words) p.path.push_back(words_of(w, '|'));
  p.flags = words_of(e.flags);
  p.unless = words_of(e.unless);
  return p;
}

/// Any of the options is set: `--name`, `--name=value`, or a short letter
/// inside a cluster (`-fdx` sets -f).
bool any_option(const Command& cmd, const std::vector<std::string_view>& options) {
  for (std::string_view option : options) {
    if (option.starts_with("--")) {
      if (option.find('=') != std::string_view::npos) {
        if (find_word(cmd, option)) return true;
      } else if (option_value(cmd, {option}) || find_word(cmd, option)) {
        return true;
      }
    } else if (option.size() == 2 && has_flag(cmd, option.substr(1))) {
      return true;
    } else if (find_word(cmd, option)) {  // single-dash long options: -destroy, -recurse
      return true;
    }
  }
  return false;
}

/// The command asks for help or for a dry run: it changes nothing.
bool changes_nothing(const Command& cmd) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w == "--") break;
    // Not -h: PostgreSQL's tools, mysql and redis-cli take it for the host.
    if (w == "--help" || w == "-help" || w == "help" || w == "--what-if") return true;
    if (w.starts_with("--dry-run") && w != "--dry-run=none") return true;
  }
  return false;
}

/// The argv index of the last word of `path` in `cmd` (0, the program, for
/// an empty path); kNoMatch when the path is not there.
constexpr size_t kNoMatch = static_cast<size_t>(-1);

size_t path_matches(const Command& cmd, const std::vector<size_t>& ops, const ParsedEntry& p) {
  if (p.data_path) {
    for (size_t i : ops)
      if (is_data_path(cmd.argv[i].text)) return i;
    return kNoMatch;
  }
  if (!p.has.empty()) {  // e.g. taint NODE KEY=VALUE:NoExecute (a trailing '-' removes it)
    // Any word after the program: option values too (patch -p '{...finalizers...}').
    bool has = false;
    for (size_t i = 1; i < cmd.argv.size(); ++i)
      has = has || (cmd.argv[i].text.find(p.has) != std::string::npos && !cmd.argv[i].text.ends_with("-"));
    if (!has) return kNoMatch;
  }
  if (p.path.empty()) return 0;
  size_t first_limit = p.anywhere ? 5 : 3;
  for (size_t start = 0; start < ops.size() && start < first_limit; ++start) {
    if (start + p.path.size() > ops.size()) break;
    bool all = true;
    for (size_t k = 0; k < p.path.size() && all; ++k) {
      std::string_view word = cmd.argv[ops[start + k]].text;
      all = std::any_of(p.path[k].begin(), p.path[k].end(), [&](std::string_view alternative) {
        return alternative.ends_with('*') ? word.starts_with(alternative.substr(0, alternative.size() - 1))
                                          : word == alternative;
      });
    }
    if (all) return ops[start + p.path.size() - 1];
  }
  return kNoMatch;
}

/// The name a program goes by in the table: aliases resolved (k, tf).
std::string_view table_name(std::string_view program) {
  if (program == "k") return "kubectl";
  if (program == "tf") return "terraform";
  return program;
}

/// Each program's entries, in table order; built once.
const std::unordered_map<std::string_view, std::vector<ParsedEntry>>& entries_by_program() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::vector<ParsedEntry>> out;
    for (const EffectEntry& e : effect_table()) {
      ParsedEntry parsed = parse_entry(e);
      for (std::string_view p : words_of(e.programs)) out[p].push_back(parsed);
    }
    return out;
  }();
  return index;
}

}  // namespace

std::string_view to_string(Effect effect) {
  switch (effect) {
    case Effect::read_only: return "read-only";
    case Effect::disrupts: return "disrupts";
    case Effect::destroys_data: return "destroys-data";
    case Effect::irreversible: return "irreversible";
    case Effect::prints_secret: return "prints-secret";
    case Effect::changes_access: return "changes-access";
  }
  return "read-only";
}

std::string_view canonical_program(const Command& cmd) { return table_name(program(cmd)); }

void resolve_builtin_alias(Command& cmd) {
  std::string_view name = program(cmd);
  std::string_view resolved = table_name(name);
  if (!cmd.argv.empty() && resolved != name) cmd.argv[0].text = std::string(resolved);
}

std::optional<EffectMatch> effect_of(const Command& cmd) {
  if (cmd.team_effect) return EffectMatch{cmd.team_effect, cmd.effect_last_word};
  if (cmd.effect_entry >= 0)
    return EffectMatch{&effect_table()[static_cast<size_t>(cmd.effect_entry)], cmd.effect_last_word};
  if (cmd.effect_entry == -1) return std::nullopt;
  return match_effect(cmd);
}

void record_effect(Command& cmd) {
  std::optional<EffectMatch> match = match_effect(cmd);
  cmd.effect_entry = match ? static_cast<int>(match->entry - effect_table().data()) : -1;
  cmd.effect_last_word = match ? static_cast<uint32_t>(match->last_word) : 0;
}

std::optional<EffectMatch> match_effect(const Command& cmd) {
  if (cmd.argv.empty() || changes_nothing(cmd)) return std::nullopt;
  auto found = entries_by_program().find(canonical_program(cmd));
  if (found == entries_by_program().end()) {
    // A kubectl plugin run as its own binary (kubectl-cnpg promote ...) is
    // matched as `kubectl cnpg promote ...`.
    std::string_view name = canonical_program(cmd);
    for (std::string_view host : {"kubectl-", "oc-"}) {
      if (!name.starts_with(host) || name.size() == host.size()) continue;
      Command as_plugin;
      as_plugin.argv.reserve(cmd.argv.size() + 1);
      as_plugin.argv.push_back({std::string(host.substr(0, host.size() - 1)), cmd.argv[0].span, true});
      as_plugin.argv.push_back({std::string(name.substr(host.size())), cmd.argv[0].span, true});
      as_plugin.argv.insert(as_plugin.argv.end(), cmd.argv.begin() + 1, cmd.argv.end());
      std::optional<EffectMatch> match = match_effect(as_plugin);
      if (match) match->last_word = match->last_word > 0 ? match->last_word - 1 : 0;
      return match;
    }
    return std::nullopt;
  }
  std::vector<size_t> ops = operands(cmd);
  for (const ParsedEntry& p : found->second) {
    size_t last = path_matches(cmd, ops, p);
    if (last == kNoMatch) continue;
    if (!p.flags.empty() && !any_option(cmd, p.flags)) continue;
    if (!p.unless.empty() && any_option(cmd, p.unless)) continue;
    return EffectMatch{p.entry, last};
  }
  return std::nullopt;
}

const RedisEffectEntry* effect_of(const RedisCommand& cmd) {
  for (const RedisEffectEntry& e : redis_effect_table()) {
    if (e.command != cmd.name) continue;
    if (!e.subcommand.empty() && (cmd.args.empty() || !iequals(cmd.args[0], e.subcommand))) continue;
    return &e;
  }
  return nullptr;
}

bool is_known_program(std::string_view program) {
  if ((program.starts_with("kubectl-") && program.size() > 8) || (program.starts_with("oc-") && program.size() > 3))
    return true;  // a kubectl plugin binary
  return entries_by_program().count(table_name(program)) > 0;
}

std::optional<size_t> known_command_at(const std::vector<Word>& words, size_t from) {
  // The last such word: in `gds-cli aws ROLE aws rds delete-db-instance` the
  // runner's own `aws` also reaches a match, three words further on.
  std::optional<size_t> found;
  for (size_t j = from; j + 1 < words.size(); ++j) {
    if (!words[j].literal || !is_known_program(last_path_component(words[j].text))) continue;
    Command inner;
    inner.argv.assign(words.begin() + static_cast<std::ptrdiff_t>(j), words.end());
    std::optional<EffectMatch> match = match_effect(inner);
    if (match && match->last_word > 0) found = j;
  }
  return found;
}

bool is_data_path(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  std::vector<std::string_view> parts = words_of(path, '/');
  if (parts.empty()) return false;
  static constexpr std::array<std::string_view, 6> kNotData = {"tmp", "cache", ".cache", "caches", "log", "logs"};
  for (std::string_view p : parts)
    for (std::string_view n : kNotData)
      if (p == n) return false;
  if (parts.size() == 1 && (parts[0] == "data" || parts[0] == "srv" || parts[0] == "mnt")) return false;  // RB201's
  // Programs, configuration and the system's own trees (/usr/local/bin/etcd,
  // /etc/prometheus) are not where data lives.
  static constexpr std::array<std::string_view, 11> kSystemRoots = {"usr", "bin", "sbin", "lib", "lib64", "boot",
                                                                    "proc", "sys", "dev", "run", "etc"};
  for (std::string_view r : kSystemRoots)
    if (parts[0] == r) return false;
  static constexpr std::array<std::string_view, 4> kDataRoots = {"data", "srv", "mnt", "backups"};
  for (std::string_view r : kDataRoots)
    if (parts[0] == r) return true;
  if (parts.size() >= 3 && parts[0] == "var" && parts[1] == "opt") return true;
  static constexpr std::array<std::string_view, 27> kStores = {
      "data",      "pgdata",  "postgresql",    "postgres",   "pgsql",      "pg_wal",  "pg_xlog",
      "mysql",     "mariadb", "redis",         "etcd",       "mongodb",    "mongo",   "elasticsearch",
      "opensearch", "kafka",  "zookeeper",     "ceph",       "rook",       "clickhouse", "cassandra",
      "influxdb",  "prometheus", "consul",     "vault",      "backup",     "backups"};
  for (size_t i = 0; i < parts.size(); ++i)
    for (std::string_view s : kStores)
      if (parts[i] == s && !(i == 0 && parts.size() == 1)) return true;
  return false;
}

std::optional<Effect> effect_reported_by(std::string_view code) {
  if (code == "RB295") return Effect::destroys_data;
  if (code == "RB296") return Effect::irreversible;
  if (code == "RB297") return Effect::disrupts;
  if (code == "RB298") return Effect::changes_access;
  if (code == "RB308") return Effect::prints_secret;
  return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 10> kDestructiveVerbs = {
    "delete", "destroy", "drop", "purge", "terminate", "wipe", "erase", "nuke", "obliterate", "zap"};

bool is_destructive_verb(std::string_view word) {
  return std::find(kDestructiveVerbs.begin(), kDestructiveVerbs.end(), word) != kDestructiveVerbs.end();
}

/// rake and rails run tasks named `namespace:task_name[args]`: the name says
/// what the task does (document:delete_document, cache:purge). The index of
/// the first task whose name holds a destructive verb; 0 when none.
size_t destructive_task_of(const Command& cmd, std::string_view program) {
  if (program != "rake" && program != "rails") return 0;
  for (size_t i : operands(cmd)) {
    std::string_view task = cmd.argv[i].text;
    task = task.substr(0, task.find('['));
    if (task.find('=') != std::string_view::npos || (program == "rails" && task.find(':') == std::string_view::npos))
      continue;
    size_t begin = 0;
    for (size_t k = 0; k <= task.size(); ++k)
      if (k == task.size() || task[k] == ':' || task[k] == '_' || task[k] == '-') {
        if (is_destructive_verb(task.substr(begin, k - begin))) return i;
        begin = k + 1;
      }
  }
  return 0;
}

}  // namespace

size_t destructive_verb_of(const Command& cmd) {
  std::string_view program = canonical_program(cmd);
  if (program.empty() || cmd.argv.size() < 2 || changes_nothing(cmd)) return 0;
  if (is_known_program(program)) return match_effect(cmd) ? 0 : destructive_task_of(cmd, program);
  std::vector<size_t> ops = operands(cmd);
  for (size_t k = 0; k < ops.size() && k < 3; ++k) {
    // A word after an option of a program nobody described may be its value
    // (`--filter delete`), not a verb.
    std::string_view before = cmd.argv[ops[k] - 1].text;
    if (before.size() > 1 && before[0] == '-' && before.find('=') == std::string_view::npos) continue;
    if (is_destructive_verb(cmd.argv[ops[k]].text)) return ops[k];
  }
  return 0;
}

}  // namespace rbc
