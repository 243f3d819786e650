#pragma once
/// The words of a shell command as the analysis recorded them: its program,
/// operands, options in any spelling. Shared by the command-effect model and
/// the rules.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

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

/// The non-empty words of a list separated by `separator` ("kubectl oc",
/// "pod|pods"): views into `list`.
std::vector<std::string_view> words_of(std::string_view list, char separator = ' ');

}  // namespace rbc
