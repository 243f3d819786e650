#pragma once
/// A team's own command vocabulary, from `.runbookc.yaml` (`commands:`):
/// aliases (`tf: terraform`, `kdel: kubectl delete`), wrappers that run the
/// command in their arguments (`gds-run prod -- ...`, `with-role admin ...`)
/// and the team's own dangerous commands with an effect class. The analysis
/// resolves aliases and wrappers before the effect table is consulted; the
/// team's commands are matched when the table has no entry.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/languages/command_effects.h"

namespace rbc {

struct TeamCommand {
  std::string program;  ///< "deployctl"
  std::string path;     ///< "release purge": the operands that follow, as the table's `path`
  Effect effect = Effect::read_only;
  std::string does;     ///< "purges every cached release"
  std::string source;   ///< where it was declared: ".runbookc.yaml:12"
};

class TeamCommands {
 public:
  TeamCommands(std::map<std::string, std::vector<std::string>> aliases, std::vector<std::string> wrappers,
               std::vector<TeamCommand> commands);
  TeamCommands(const TeamCommands&) = delete;  // entries point into commands_
  TeamCommands& operator=(const TeamCommands&) = delete;

  /// Rewrites `cmd` in place: a wrapper's own words dropped (recorded in
  /// cmd.wrappers), then an alias replaced by the words it stands for.
  void resolve(Command& cmd) const;
  /// The team's entry `cmd` matches, with the argv index of its last path word.
  std::optional<EffectMatch> match(const Command& cmd) const;
  bool empty() const { return aliases_.empty() && wrappers_.empty() && commands_.empty(); }

 private:
  std::map<std::string, std::vector<std::string>> aliases_;
  std::vector<std::string> wrappers_;
  std::vector<TeamCommand> commands_;
  std::vector<EffectEntry> entries_;  ///< one per command, viewing commands_' strings
  std::vector<std::vector<std::string_view>> paths_;  ///< one per command: its path's words (views into commands_), once
};

/// The effect class a configuration names ("destroys-data"); nullopt when none does.
std::optional<Effect> effect_from_string(std::string_view name);

}  // namespace rbc
