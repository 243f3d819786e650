#pragma once
/// The command-effect model: what running a known program does, kept as data
/// (compiler/languages/command_effect_table.cc) with the documentation each entry comes
/// from. The effect rules (RB295-RB299, RB308) and `runbookc explain` read it;
/// a test lints every entry's example and pins the finding.
#include <optional>
#include <span>
#include <string_view>

#include "compiler/syntax/ir.h"

namespace rbc {

enum class Effect {
  read_only,       ///< known, changes nothing (keeps the unknown-verb rule quiet)
  disrupts,        ///< restart, failover, scale down, drain, stop a service
  destroys_data,   ///< delete, drop, purge, wipe, recursive rm, restore over live data
  irreversible,    ///< cannot be taken back though nothing is deleted (publish, force-unlock)
  prints_secret,   ///< shows a secret on the terminal (and in scrollback, recordings, logs)
  changes_access,  ///< grants or revokes who can do what
};

std::string_view to_string(Effect effect);

struct EffectEntry {
  /// Space-separated basenames that name the program ("kubectl oc").
  std::string_view programs;
  /// Space-separated operands, in order, right after the program's options
  /// ("osd pool delete|rm": `|` separates alternatives for one word). The
  /// first may follow up to two operands the table cannot tell from option
  /// values; "..." first: the rest may stand anywhere among the first five
  /// operands (`service NAME stop`). "<data-path>": some operand is an
  /// absolute path that holds data (see is_data_path). "<has:TEXT>" last:
  /// also some operand contains TEXT and does not end with `-` (which
  /// removes a taint or label). Empty: any use. An alternative ending in '*'
  /// stands for every word it begins ("pod/*").
  std::string_view path;
  /// Space-separated options, any of which must be present ("-f --force");
  /// short letters match inside clusters (-rf).
  std::string_view flags;
  /// Options that turn the effect off (pg_ctl promote has none, reindexdb
  /// --concurrently does not lock).
  std::string_view unless;
  Effect effect = Effect::read_only;
  /// What it does, as the finding says it: "deletes the key and its versions".
  std::string_view does;
  /// Where the effect is documented (man page, --help, reference page).
  std::string_view source;
  /// A command written from that documentation; the tests lint it.
  std::string_view example;
  /// The rules (space-separated) that report this command when it is not the
  /// effect's own rule (older, more specific ones): the effect rules then
  /// stay quiet.
  std::string_view rule = {};
};

std::span<const EffectEntry> effect_table();

/// Redis commands by name (upper case) and first argument.
struct RedisEffectEntry {
  std::string_view command;     ///< "SENTINEL"
  std::string_view subcommand;  ///< "FAILOVER", or empty for any
  Effect effect = Effect::read_only;
  std::string_view does;
  std::string_view source;
  std::string_view example;  ///< a redis-cli line
  std::string_view rule = {};
};

std::span<const RedisEffectEntry> redis_effect_table();

/// Replaces a well-known alias in argv[0] (k -> kubectl, tf -> terraform) by
/// the program it stands for, so that every rule sees the program.
void resolve_builtin_alias(Command& cmd);

/// The program a command names once aliases are resolved (k → kubectl,
/// tf → terraform), from the basename of argv[0].
std::string_view canonical_program(const Command& cmd);

struct EffectMatch {
  const EffectEntry* entry = nullptr;
  size_t last_word = 0;  ///< argv index of the entry's last path word (0: the program)
};

/// The first entry of the table that `cmd` matches. Commands asking for help
/// or a dry run (--help, --dry-run) match nothing.
std::optional<EffectMatch> effect_of(const Command& cmd);
/// effect_of() worked out from the table, ignoring what was recorded.
std::optional<EffectMatch> match_effect(const Command& cmd);
/// Records the command's match in it, so that every rule reads it at once.
void record_effect(Command& cmd);
const RedisEffectEntry* effect_of(const RedisCommand& cmd);

/// An absolute path where data lives: under /data, /srv, /mnt, /var/opt,
/// /opt or a backup directory, or naming a data store's directory
/// (postgresql, pgdata, mysql, redis, etcd, ceph...), not a cache or a
/// temporary directory. System directories themselves are RB201's.
bool is_data_path(std::string_view path);

/// The effect class whose commands rule `code` reports (RB295 destroys-data,
/// RB296 irreversible, RB297 disrupts, RB298 changes-access, RB308
/// prints-secret); nullopt for other rules.
std::optional<Effect> effect_reported_by(std::string_view code);

/// True when the table has any entry for the program (read-only ones too).
bool is_known_program(std::string_view program);

/// Index of the last word at or after `from` where a command begins that
/// the table knows by program and subcommand (`aws rds delete-db-instance`,
/// `git push`), so an unknown runner's argument list can be seen through;
/// nullopt when there is none. Words that are not literal are skipped.
std::optional<size_t> known_command_at(const std::vector<Word>& words, size_t from);

/// For a program the table does not know: the index in argv of a destructive
/// verb (delete, destroy, drop, purge, terminate, wipe...) among its first
/// three operands. For a rake or rails task the table does not describe:
/// the task whose name holds such a verb (rake document:delete_document).
/// 0 when none.
size_t destructive_verb_of(const Command& cmd);

}  // namespace rbc
