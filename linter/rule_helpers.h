#pragma once
/// Shared vocabulary for rules that read commands, SQL statements and redis
/// commands: program names, subcommand paths, flags in any spelling, and
/// which steps hold runnable facts (tagged or recognised untagged blocks).
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/ascii.h"
#include "compiler/syntax/ir.h"
#include "linter/rule.h"

namespace rbc::rules {

/// Basename of argv[0] ("/usr/bin/rm" → "rm"); empty for an empty argv.
std::string_view program(const Command& cmd);
bool program_is(const Command& cmd, std::initializer_list<std::string_view> names);

/// Indices of the operands of `cmd` (words that are not options), in order.
/// Options of the program known to take a separate value (`-n prod`,
/// `--region eu-west-1`) consume that value; everything after `--` is an operand.
std::vector<size_t> operands(const Command& cmd);

/// When the first operands are `words` in order (`{"rds", "reboot-db-instance"}`
/// or `{"delete"}`), the argv index of the last of them; otherwise 0.
size_t subcommand(const Command& cmd, std::initializer_list<std::string_view> words);

/// Index of the word that sets an option in any of its spellings: a short
/// letter inside a cluster (`-rf`, `-fr`, `-r`) for each char of `shorts`,
/// or a long name (`--force`, `--force=true`). 0 when absent. Words after `--`
/// are not options.
size_t find_flag(const Command& cmd, std::string_view shorts, std::initializer_list<std::string_view> longs = {});
inline bool has_flag(const Command& cmd, std::string_view shorts, std::initializer_list<std::string_view> longs = {}) {
  return find_flag(cmd, shorts, longs) != 0;
}

/// Value of an option written `--name=value`, `--name value` or `-n value`;
/// nullopt when the option is absent.
std::optional<std::string> option_value(const Command& cmd, std::initializer_list<std::string_view> names);

/// Index of the first word equal to `text` (exact), 0 when none.
size_t find_word(const Command& cmd, std::string_view text);

/// File span covering argv[first..last].
Span words_span(const Command& cmd, size_t first, size_t last);

/// True when the command runs on another machine or in a container
/// (ssh, kubectl/oc exec, oc rsh, docker exec, knife ssh).
bool runs_remotely(const Command& cmd);

bool starts_with(std::string_view text, std::string_view prefix);

/// The opening fence of a fenced step, from its first to its last backtick or
/// tilde; the first line of an indented one.
Span fence_span(const Runbook& runbook, const Step& step);

/// Steps whose facts a danger rule reads: analysed shell, console, SQL and
/// redis blocks, including untagged blocks recognised by their content.
bool is_checked(const Step& step);

/// Every command of the checked steps, for whole-runbook checks; rules that
/// read one command at a time declare Rule::on_command instead.
template <typename F>
void for_each_command(const Runbook& runbook, F&& f) {
  for (const Step& step : runbook.steps)
    if (is_checked(step))
      for (const Command& cmd : step.facts.commands)
        if (!cmd.argv.empty()) f(step, cmd);
}

/// True when `st` calls `function` (pg_terminate_backend, pg_cancel_backend)
/// over rows of pg_stat_activity without sparing its own backend
/// (`pid <> pg_backend_pid()`) or singling out clients (usename,
/// application_name, client_addr, query): it signals every backend it matches.
bool signals_backends_unfiltered(const SqlStatement& st, std::string_view function);

/// True when `relation` was created earlier in the same step (CREATE TABLE,
/// CREATE TEMP TABLE, CREATE TABLE AS, but not IF NOT EXISTS): changing it
/// endangers nothing.
bool created_in_step(const Step& step, const SqlStatement& st);

/// "users" or "users, orders" for messages; "the table" when unknown.
std::string relation_list(const SqlStatement& st, std::string_view unknown = "the table");

/// True when the runbook evidently targets Linux servers (systemctl,
/// journalctl, apt-get, yum, dnf, apk): GNU-only tools are then expected.
bool targets_linux_servers(const Runbook& runbook);

/// What the portability rules apply to (Rule::applies_to): runbooks not
/// written for Linux servers, where a laptop may run the commands.
inline bool not_for_linux_servers(const Runbook& runbook) { return !targets_linux_servers(runbook); }

}  // namespace rbc::rules
