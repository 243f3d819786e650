#include "compiler/languages/team_commands.h"

#include <algorithm>

#include "compiler/base/path_name.h"
#include "compiler/languages/command_words.h"

namespace rbc {

std::optional<Effect> effect_from_string(std::string_view name) {
  for (Effect e : {Effect::read_only, Effect::disrupts, Effect::destroys_data, Effect::irreversible,
                   Effect::prints_secret, Effect::changes_access})
    if (to_string(e) == name) return e;
  return std::nullopt;
}

TeamCommands::TeamCommands(std::map<std::string, std::vector<std::string>> aliases, std::vector<std::string> wrappers,
                           std::vector<TeamCommand> commands)
    : aliases_(std::move(aliases)), wrappers_(std::move(wrappers)), commands_(std::move(commands)) {
  entries_.reserve(commands_.size());
  for (const TeamCommand& c : commands_) paths_.push_back(words_of(c.path));
  for (const TeamCommand& c : commands_)
    entries_.push_back(EffectEntry{.programs = c.program, .path = c.path, .effect = c.effect, .does = c.does,
                                   .source = c.source});
}

void TeamCommands::resolve(Command& cmd) const {
  if (cmd.argv.empty()) return;
  std::string program(last_path_component(cmd.argv[0].text));
  if (std::find(wrappers_.begin(), wrappers_.end(), program) != wrappers_.end()) {
    // The command starts after `--`, or at the last word where a known
    // command (or a team alias or command) begins.
    size_t start = 0;
    for (size_t i = 1; i < cmd.argv.size() && !start; ++i)
      if (cmd.argv[i].text == "--") start = i + 1;
    if (!start) start = known_command_at(cmd.argv, 1).value_or(0);
    for (size_t i = 1; i < cmd.argv.size() && !start; ++i) {
      std::string word(last_path_component(cmd.argv[i].text));
      bool team = aliases_.count(word) > 0 ||
                  std::any_of(commands_.begin(), commands_.end(), [&](const TeamCommand& c) { return c.program == word; });
      if (team) start = i;
    }
    if (start && start < cmd.argv.size()) {
      cmd.wrappers.push_back(program);
      cmd.argv.erase(cmd.argv.begin(), cmd.argv.begin() + static_cast<std::ptrdiff_t>(start));
      program = std::string(last_path_component(cmd.argv[0].text));
    }
  }
  auto alias = aliases_.find(program);
  if (alias == aliases_.end() || alias->second.empty()) return;
  Span at = cmd.argv[0].span;
  std::vector<Word> words;
  for (const std::string& w : alias->second) words.push_back({w, at, true});
  cmd.argv.erase(cmd.argv.begin());
  cmd.argv.insert(cmd.argv.begin(), words.begin(), words.end());
}

std::optional<EffectMatch> TeamCommands::match(const Command& cmd) const {
  if (cmd.argv.empty() || commands_.empty()) return std::nullopt;
  std::string_view program = last_path_component(cmd.argv[0].text);
  std::vector<size_t> ops = operands(cmd);
  for (size_t k = 0; k < commands_.size(); ++k) {
    if (commands_[k].program != program) continue;
    const std::vector<std::string_view>& path = paths_[k];
    if (path.size() > ops.size()) continue;
    bool all = true;
    for (size_t p = 0; p < path.size() && all; ++p) all = cmd.argv[ops[p]].text == path[p];
    if (all) return EffectMatch{&entries_[k], path.empty() ? 0 : ops[path.size() - 1]};
  }
  return std::nullopt;
}

}  // namespace rbc
