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
#include "compiler/languages/command_words.h"
#include "compiler/syntax/ir.h"
#include "linter/rule.h"

namespace rbc::rules {

// The words of a command (program, operands, options): compiler/languages/command_words.h.
using rbc::find_flag;
using rbc::find_word;
using rbc::has_flag;
using rbc::operands;
using rbc::option_value;
using rbc::program;
using rbc::program_is;
using rbc::subcommand;
using rbc::words_span;

/// True when the command runs on another machine or in a container
/// (ssh, kubectl/oc exec, oc rsh, docker exec, knife ssh).
bool runs_remotely(const Command& cmd);

bool starts_with(std::string_view text, std::string_view prefix);

/// The opening fence of a fenced step, from its first to its last backtick or
/// tilde; the first line of an indented one.
Span fence_span(const Runbook& runbook, const Step& step);

/// Where a fenced step's language tag is written on its opening fence: the
/// first word of the info string (inside `{...}` and after a `.` in the
/// attribute form); an empty span just after the fence characters when the
/// fence has no info string. nullopt when the fence line does not read so
/// (an indented block, a tag written otherwise than `step.language`).
std::optional<Span> fence_language_span(const Runbook& runbook, const Step& step);

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
